package io.ringkv.server.storage;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Lexicographic order of byte arrays with each byte read as unsigned (0x00 &lt; 0x7f &lt; 0x80 &lt; 0xff),
 * the order every engine keeps its keys in, so that {@link StorageKey#encode()} sorts by partition,
 * then token, then key bytes.
 */
public final class UnsignedBytes {

    /** The unsigned lexicographic order; a shorter array sorts before any longer array it prefixes. */
    public static final Comparator<byte[]> COMPARATOR = UnsignedBytes::compare;

    private UnsignedBytes() {}

    public static int compare(byte[] left, byte[] right) {
        return Arrays.compareUnsigned(left, right);
    }

    /** Lower-case hex of {@code bytes}, at most {@code maxBytes} of them, for messages and logs. */
    public static String toHex(byte[] bytes, int maxBytes) {
        int shown = Math.min(bytes.length, maxBytes);
        StringBuilder text = new StringBuilder(shown * 2 + 1);
        for (int i = 0; i < shown; i++) {
            text.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        if (shown < bytes.length) {
            text.append('…');
        }
        return text.toString();
    }
}
