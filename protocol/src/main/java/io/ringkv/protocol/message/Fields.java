package io.ringkv.protocol.message;

import java.util.HexFormat;

/** Range checks and text helpers shared by the message records; wire widths are checked at construction. */
final class Fields {

    private static final int SHOWN_BYTES = 16;

    private Fields() {}

    static int requireUnsignedByte(String name, int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException(name + " must be in [0, 255], was " + value);
        }
        return value;
    }

    static int requireUnsignedShort(String name, int value) {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException(name + " must be in [0, 65535], was " + value);
        }
        return value;
    }

    static long requireUnsignedInt(String name, long value) {
        if ((value & ~0xFFFF_FFFFL) != 0) {
            throw new IllegalArgumentException(name + " must be in [0, 4294967295], was " + value);
        }
        return value;
    }

    static int requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    static int[] requireUnsignedShorts(String name, int[] values) {
        for (int i = 0; i < values.length; i++) {
            if ((values[i] & ~0xFFFF) != 0) {
                throw new IllegalArgumentException(name + "[" + i + "] must be in [0, 65535], was " + values[i]);
            }
        }
        return values;
    }

    static int[] requireNonNegatives(String name, int[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be negative, was " + values[i]);
            }
        }
        return values;
    }

    /** Short description of a byte array for {@code toString}: its length and first bytes in hex. */
    static String describe(byte[] bytes) {
        String shown = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, SHOWN_BYTES));
        return "<" + bytes.length + " bytes" + (bytes.length == 0 ? "" : " " + shown)
                + (bytes.length > SHOWN_BYTES ? "…" : "") + ">";
    }

    /** Short description of an int array for {@code toString}. */
    static String describe(int[] values) {
        StringBuilder text = new StringBuilder("<").append(values.length).append(" ints");
        for (int i = 0; i < Math.min(values.length, SHOWN_BYTES); i++) {
            text.append(i == 0 ? " " : ",").append(values[i]);
        }
        return text.append(values.length > SHOWN_BYTES ? "…>" : ">").toString();
    }
}
