package io.ringkv.protocol.codec;

import com.google.flatbuffers.FlatBufferBuilder;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The write half of the FlatBuffers mapping: a builder plus the conventions every message writer
 * follows. Empty byte arrays, strings and lists are not written at all (offset 0), which the reader
 * decodes back as empty; this keeps frames small and the bytes canonical for the golden vectors.
 *
 * <p>Not thread-safe: one per {@link MessageEncoder}.
 */
final class FlatWriter {

    final FlatBufferBuilder builder;
    private final int maxFrameBytes;
    private long requestId;

    FlatWriter(FlatBufferBuilder builder, int maxFrameBytes) {
        this.builder = builder;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Starts a new envelope; the request id is reported in errors. */
    void reset(long newRequestId) {
        builder.clear();
        requestId = newRequestId;
    }

    int bytes(byte[] bytes) {
        if (bytes.length == 0) {
            return 0;
        }
        requireFits(bytes.length);
        return builder.createByteVector(bytes);
    }

    int string(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        requireFits(text.length());
        try {
            return builder.createString(text);
        } catch (IllegalArgumentException unpairedSurrogate) {
            // FlatBuffers refuses unpaired surrogates before writing anything; the JDK encoder replaces
            // them with '?', which is what a Java string with broken UTF-16 can best become on the wire.
            return builder.createString(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    int strings(List<String> texts) {
        if (texts.isEmpty()) {
            return 0;
        }
        int[] offsets = new int[texts.size()];
        for (int i = 0; i < offsets.length; i++) {
            // An empty string inside a vector still needs a real string: vector slots cannot be absent.
            offsets[i] = texts.get(i).isEmpty() ? builder.createString("") : string(texts.get(i));
        }
        return tables(offsets);
    }

    /** A vector of tables or strings already written; 0 when empty. */
    int tables(int[] offsets) {
        return offsets.length == 0 ? 0 : builder.createVectorOfTables(offsets);
    }

    int unsignedShorts(int[] values) {
        if (values.length == 0) {
            return 0;
        }
        requireFits(values.length * 2L);
        builder.startVector(Short.BYTES, values.length, Short.BYTES);
        for (int i = values.length - 1; i >= 0; i--) {
            builder.addShort((short) values[i]);
        }
        return builder.endVector();
    }

    int unsignedInts(int[] values) {
        if (values.length == 0) {
            return 0;
        }
        requireFits(values.length * 4L);
        builder.startVector(Integer.BYTES, values.length, Integer.BYTES);
        for (int i = values.length - 1; i >= 0; i--) {
            builder.addInt(values[i]);
        }
        return builder.endVector();
    }

    /** Fails before the builder grows towards a frame the peer would refuse anyway. */
    private void requireFits(long bytes) {
        if (bytes > maxFrameBytes) {
            throw new ProtocolException(
                    ErrorCode.FRAME_TOO_LARGE,
                    requestId,
                    "a field of " + bytes + " bytes cannot fit in a frame of at most " + maxFrameBytes + " bytes");
        }
    }
}
