package io.ringkv.protocol;

/**
 * Size limits a decoder enforces before it accepts a frame, so that a hostile or buggy peer can neither
 * exhaust memory nor store oversized data. Checked on decode (receiving side); the encoder only refuses
 * frames over {@link #maxFrameBytes()}, which the peer would reject anyway. Key and value limits above
 * the frame limit are allowed (a frame never gets that far), so each limit can be changed on its own.
 *
 * @param maxFrameBytes  largest envelope (the bytes after the 4-byte length field); larger frames get
 *                       {@link ErrorCode#FRAME_TOO_LARGE} and the connection is closed
 * @param maxKeyBytes    largest key in any message ({@link ErrorCode#KEY_TOO_LARGE})
 * @param maxValueBytes  largest value in a put, a get reply sibling or a linearizable register
 *                       ({@link ErrorCode#VALUE_TOO_LARGE})
 * @param maxSiblings    most siblings in a get reply ({@link ErrorCode#TOO_MANY_SIBLINGS})
 * @param maxListEntries most entries in any other list: gossip digests and states, ring members and
 *                       owners, Merkle hashes and leaves, streamed entries, replica errors
 *                       ({@link ErrorCode#LIST_TOO_LARGE})
 */
public record ProtocolLimits(
        int maxFrameBytes, int maxKeyBytes, int maxValueBytes, int maxSiblings, int maxListEntries) {

    /** 16 MiB frames, 8 KiB keys, 4 MiB values, 128 siblings, 1,000,000 list entries. */
    public static final ProtocolLimits DEFAULT = new ProtocolLimits(16 << 20, 8 << 10, 4 << 20, 128, 1_000_000);

    /** Validates every limit; the message names the bad value. */
    public ProtocolLimits {
        requirePositive("maxFrameBytes", maxFrameBytes);
        requirePositive("maxKeyBytes", maxKeyBytes);
        requirePositive("maxValueBytes", maxValueBytes);
        requirePositive("maxSiblings", maxSiblings);
        requirePositive("maxListEntries", maxListEntries);
        if (maxFrameBytes > Integer.MAX_VALUE - ProtocolVersion.LENGTH_FIELD_BYTES) {
            throw new IllegalArgumentException(
                    "maxFrameBytes must leave room for the length field, was " + maxFrameBytes);
        }
    }

    public ProtocolLimits withMaxFrameBytes(int newMaxFrameBytes) {
        return new ProtocolLimits(newMaxFrameBytes, maxKeyBytes, maxValueBytes, maxSiblings, maxListEntries);
    }

    public ProtocolLimits withMaxKeyBytes(int newMaxKeyBytes) {
        return new ProtocolLimits(maxFrameBytes, newMaxKeyBytes, maxValueBytes, maxSiblings, maxListEntries);
    }

    public ProtocolLimits withMaxValueBytes(int newMaxValueBytes) {
        return new ProtocolLimits(maxFrameBytes, maxKeyBytes, newMaxValueBytes, maxSiblings, maxListEntries);
    }

    public ProtocolLimits withMaxSiblings(int newMaxSiblings) {
        return new ProtocolLimits(maxFrameBytes, maxKeyBytes, maxValueBytes, newMaxSiblings, maxListEntries);
    }

    public ProtocolLimits withMaxListEntries(int newMaxListEntries) {
        return new ProtocolLimits(maxFrameBytes, maxKeyBytes, maxValueBytes, maxSiblings, newMaxListEntries);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
