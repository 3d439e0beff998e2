package io.ringkv.server.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.ringkv.protocol.Consistency;
import java.util.Locale;

/** Reads the per-request options (R, W, Consistency, Timeout-Millis headers), rejecting bad values with a 400. */
final class HttpHeadersParser {

    private HttpHeadersParser() {}

    /** The quorum header as an integer, 0 when absent (the node's default). Range checks against N happen later. */
    static int quorum(HttpHeaders headers, String name) {
        String text = headers.get(name);
        if (text == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 1 || value > 255) {
                throw new BadHttpRequestException(
                        HttpResponseStatus.BAD_REQUEST, "bad_request", name + " must be between 1 and N, was " + value);
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new BadHttpRequestException(
                    HttpResponseStatus.BAD_REQUEST, "bad_request", name + " must be an integer, was '" + text + "'");
        }
    }

    static Consistency consistency(HttpHeaders headers) {
        String text = headers.get("Consistency");
        if (text == null) {
            return Consistency.DEFAULT;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "eventual" -> Consistency.EVENTUAL;
            case "strict" -> Consistency.STRICT;
            case "linearizable" -> Consistency.LINEARIZABLE;
            default ->
                throw new BadHttpRequestException(
                        HttpResponseStatus.BAD_REQUEST,
                        "bad_request",
                        "Consistency must be eventual, strict or linearizable, was '" + text + "'");
        };
    }

    static long timeoutMillis(HttpHeaders headers) {
        String text = headers.get("Timeout-Millis");
        if (text == null) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 1 || value > 600_000) {
                throw new BadHttpRequestException(
                        HttpResponseStatus.BAD_REQUEST, "bad_request", "Timeout-Millis must be 1..600000");
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw new BadHttpRequestException(
                    HttpResponseStatus.BAD_REQUEST, "bad_request", "Timeout-Millis must be an integer");
        }
    }
}
