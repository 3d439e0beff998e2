package io.ringkv.protocol.codec;

import com.google.flatbuffers.Table;
import io.ringkv.protocol.AdminCommand;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.ProtocolException;
import io.ringkv.protocol.ProtocolLimits;
import java.nio.ByteBuffer;

/**
 * The read half of the FlatBuffers mapping for one frame: bounds-checked copies out of the buffer,
 * limit checks, and a copy budget.
 *
 * <p>FlatBuffers-java has no verifier, and a hostile frame can point many offsets at the same bytes.
 * So besides checking every length against the buffer before allocating, the reader charges every
 * copied array, string and list element against a budget equal to the frame's size. An honestly encoded
 * frame always fits (each charged item occupies at least as many distinct bytes in the frame), while a
 * frame that aliases one large vector many times fails with {@link ErrorCode#MALFORMED_FRAME} instead
 * of decoding into far more memory than it occupies.
 *
 * <p>One instance per decoded frame; not thread-safe.
 */
final class FlatReader {

    static final byte[] NO_BYTES = new byte[0];
    private static final int[] NO_INTS = new int[0];

    /** What a vector's length prefix (and a string's) occupies. */
    private static final int LENGTH_PREFIX_BYTES = 4;

    /** What each element of a vector of tables occupies at least: its offset slot and its vtable offset. */
    static final int TABLE_ELEMENT_BYTES = 8;

    /** What each element of a vector of strings occupies at least besides the string: its offset slot. */
    static final int STRING_ELEMENT_BYTES = 4;

    final ProtocolLimits limits;
    final long requestId;
    private final int frameBytes;
    private long budgetBytes;

    FlatReader(ProtocolLimits limits, long requestId, int frameBytes) {
        this.limits = limits;
        this.requestId = requestId;
        this.frameBytes = frameBytes;
        this.budgetBytes = frameBytes;
    }

    /** The union body as the given table, failing when the envelope names a type but holds no table. */
    <T extends Table> T body(io.ringkv.protocol.fbs.Envelope envelope, T table) {
        if (envelope.body(table) == null) {
            throw fail(ErrorCode.MALFORMED_FRAME, "envelope declares a body type but has no body");
        }
        return table;
    }

    /**
     * Copies a byte vector.
     *
     * @param view the generated {@code xxxAsByteBuffer()} view, {@code null} when the field is absent
     * @param declaredLength the generated {@code xxxLength()}, which a corrupt frame can make anything
     */
    byte[] bytes(ByteBuffer view, int declaredLength, int maxBytes, ErrorCode tooLarge, String field) {
        if (view == null) {
            return NO_BYTES;
        }
        if (declaredLength < 0 || view.remaining() != declaredLength) {
            throw fail(ErrorCode.MALFORMED_FRAME, field + " has an invalid length " + declaredLength);
        }
        if (declaredLength > maxBytes) {
            throw fail(tooLarge, field + " is " + declaredLength + " bytes, more than the limit of " + maxBytes);
        }
        charge(LENGTH_PREFIX_BYTES + (long) declaredLength, field);
        if (declaredLength == 0) {
            return NO_BYTES;
        }
        byte[] copy = new byte[declaredLength];
        view.get(copy);
        return copy;
    }

    /** A key, limited by {@link ProtocolLimits#maxKeyBytes()}. */
    byte[] key(ByteBuffer view, int declaredLength, String field) {
        return bytes(view, declaredLength, limits.maxKeyBytes(), ErrorCode.KEY_TOO_LARGE, field);
    }

    /** A value, limited by {@link ProtocolLimits#maxValueBytes()}. */
    byte[] value(ByteBuffer view, int declaredLength, String field) {
        return bytes(view, declaredLength, limits.maxValueBytes(), ErrorCode.VALUE_TOO_LARGE, field);
    }

    /** Opaque bytes (sibling sets, contexts), limited only by the frame size. */
    byte[] opaque(ByteBuffer view, int declaredLength, String field) {
        return bytes(view, declaredLength, frameBytes, ErrorCode.MALFORMED_FRAME, field);
    }

    /**
     * Charges a string decoded by a generated accessor (which bounds-checks against the buffer and
     * rejects invalid UTF-8); {@code null} (absent) becomes the empty string.
     */
    String string(String decoded, String field) {
        if (decoded == null) {
            return "";
        }
        charge(LENGTH_PREFIX_BYTES + (long) decoded.length(), field);
        return decoded;
    }

    /**
     * Validates the length of a vector of tables or strings before anything is allocated for it.
     *
     * @param elementBytes the least bytes one element occupies ({@link #TABLE_ELEMENT_BYTES} or
     *     {@link #STRING_ELEMENT_BYTES})
     */
    int listLength(int declaredLength, int maxEntries, ErrorCode tooLarge, int elementBytes, String field) {
        if (declaredLength < 0 || (long) declaredLength * elementBytes > frameBytes) {
            throw fail(ErrorCode.MALFORMED_FRAME, field + " has an invalid length " + declaredLength);
        }
        if (declaredLength > maxEntries) {
            throw fail(tooLarge, field + " has " + declaredLength + " entries, more than the limit of " + maxEntries);
        }
        charge(LENGTH_PREFIX_BYTES + (long) declaredLength * elementBytes, field);
        return declaredLength;
    }

    /** A list limited by {@link ProtocolLimits#maxListEntries()}. */
    int listLength(int declaredLength, int elementBytes, String field) {
        return listLength(declaredLength, limits.maxListEntries(), ErrorCode.LIST_TOO_LARGE, elementBytes, field);
    }

    /** Copies a {@code [ushort]} vector (little-endian view from the generated accessor). */
    int[] unsignedShorts(ByteBuffer view, int declaredLength, String field) {
        if (view == null) {
            return NO_INTS;
        }
        checkScalarVector(view, declaredLength, Short.BYTES, field);
        int[] values = new int[declaredLength];
        for (int i = 0; i < declaredLength; i++) {
            values[i] = view.getShort(view.position() + i * Short.BYTES) & 0xFFFF;
        }
        return values;
    }

    /** Copies a {@code [uint]} vector of indexes, which must fit a non-negative {@code int}. */
    int[] indexes(ByteBuffer view, int declaredLength, String field) {
        if (view == null) {
            return NO_INTS;
        }
        checkScalarVector(view, declaredLength, Integer.BYTES, field);
        int[] values = new int[declaredLength];
        for (int i = 0; i < declaredLength; i++) {
            int value = view.getInt(view.position() + i * Integer.BYTES);
            if (value < 0) {
                throw fail(ErrorCode.MALFORMED_FRAME, field + "[" + i + "] is out of range: " + (value & 0xFFFF_FFFFL));
            }
            values[i] = value;
        }
        return values;
    }

    /** A {@code uint} partition or index, which must fit a non-negative {@code int}. */
    int index(long value, String field) {
        if (value > Integer.MAX_VALUE) {
            throw fail(ErrorCode.MALFORMED_FRAME, field + " is out of range: " + value);
        }
        return (int) value;
    }

    /** Unknown modes are refused: guessing a weaker one would silently break a guarantee. */
    Consistency consistency(int wireValue) {
        Consistency consistency = Consistency.fromWireValue(wireValue);
        if (consistency == null) {
            throw fail(ErrorCode.BAD_REQUEST, "unknown consistency " + wireValue);
        }
        return consistency;
    }

    /** Codes added by a newer peer read as {@link ErrorCode#INTERNAL}; the message text is kept. */
    ErrorCode errorCode(int wireValue) {
        ErrorCode code = ErrorCode.fromWireValue(wireValue);
        return code == null ? ErrorCode.INTERNAL : code;
    }

    NodeStatus nodeStatus(int wireValue) {
        NodeStatus status = NodeStatus.fromWireValue(wireValue);
        if (status == null) {
            throw fail(ErrorCode.MALFORMED_FRAME, "unknown node status " + wireValue);
        }
        return status;
    }

    AdminCommand adminCommand(int wireValue) {
        AdminCommand command = AdminCommand.fromWireValue(wireValue);
        if (command == null) {
            throw fail(ErrorCode.BAD_REQUEST, "unknown admin command " + wireValue);
        }
        return command;
    }

    ProtocolException fail(ErrorCode code, String message) {
        return new ProtocolException(code, requestId, message);
    }

    private void checkScalarVector(ByteBuffer view, int declaredLength, int elementBytes, String field) {
        if (declaredLength < 0 || view.remaining() != (long) declaredLength * elementBytes) {
            throw fail(ErrorCode.MALFORMED_FRAME, field + " has an invalid length " + declaredLength);
        }
        if (declaredLength > limits.maxListEntries()) {
            throw fail(
                    ErrorCode.LIST_TOO_LARGE,
                    field + " has " + declaredLength + " entries, more than the limit of " + limits.maxListEntries());
        }
        charge(LENGTH_PREFIX_BYTES + (long) declaredLength * elementBytes, field);
    }

    private void charge(long bytes, String field) {
        budgetBytes -= bytes;
        if (budgetBytes < 0) {
            throw fail(
                    ErrorCode.MALFORMED_FRAME,
                    field + " makes the decoded content larger than the " + frameBytes
                            + "-byte frame (overlapping offsets)");
        }
    }
}
