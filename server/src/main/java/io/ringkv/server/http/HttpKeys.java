package io.ringkv.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Keys and values as they appear in URLs and JSON: keys are percent-encoded UTF-8, values UTF-8 text when they can be. */
final class HttpKeys {

    private HttpKeys() {}

    static byte[] decodeKey(String rawPathSegment) {
        if (rawPathSegment.isEmpty()) {
            throw new BadHttpRequestException(HttpResponseStatus.BAD_REQUEST, "bad_request", "the key is empty");
        }
        try {
            return QueryStringDecoder.decodeComponent(rawPathSegment, StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new BadHttpRequestException(
                    HttpResponseStatus.BAD_REQUEST, "bad_request", "the key is not valid percent-encoding");
        }
    }

    /** The value as text when it is valid UTF-8, else null (the caller then sends base64). */
    static String utf8OrNull(byte[] value) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }
}
