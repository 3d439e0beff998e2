package io.ringkv.server.hints;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds and pacing of hinted handoff, validated on construction. The node maps its configured
 * {@code hints.*} settings to it with {@link #of(long, long, long)}.
 *
 * @param maxAgeMillis a hint whose oldest write is older than this is dropped by
 *     {@link HintStore#expire()}; what it carried then relies on read repair and anti-entropy
 * @param maxTotalBytes the most bytes all hints may take together (see {@link Hint#bytes()}); an add that
 *     would exceed it is refused with {@link HintStoreFullException}
 * @param replayIntervalMillis time between two replay passes of the {@link HintReplayer}
 * @param replayBatchSize hints of one owner read and delivered at once (in parallel) by a replay pass
 */
public record HintConfig(long maxAgeMillis, long maxTotalBytes, long replayIntervalMillis, int replayBatchSize) {

    /** Deliveries in flight per owner during a pass when the configuration does not say otherwise. */
    public static final int DEFAULT_REPLAY_BATCH_SIZE = 64;

    /** The largest batch: a batch is delivered in parallel, so this also caps requests in flight per owner. */
    public static final int MAX_REPLAY_BATCH_SIZE = 10_000;

    /**
     * @throws IllegalArgumentException naming every invalid field
     */
    public HintConfig {
        List<String> problems = new ArrayList<>();
        if (maxAgeMillis < 1) {
            problems.add("maxAgeMillis must be >= 1, was " + maxAgeMillis);
        }
        if (maxTotalBytes < 1) {
            problems.add("maxTotalBytes must be >= 1, was " + maxTotalBytes);
        }
        if (replayIntervalMillis < 1) {
            problems.add("replayIntervalMillis must be >= 1, was " + replayIntervalMillis);
        }
        if (replayBatchSize < 1 || replayBatchSize > MAX_REPLAY_BATCH_SIZE) {
            problems.add("replayBatchSize must be within 1.." + MAX_REPLAY_BATCH_SIZE + ", was " + replayBatchSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid hint settings: " + String.join("; ", problems));
        }
    }

    /** The configured bounds with the default replay batch size. */
    public static HintConfig of(long maxAgeMillis, long maxTotalBytes, long replayIntervalMillis) {
        return new HintConfig(maxAgeMillis, maxTotalBytes, replayIntervalMillis, DEFAULT_REPLAY_BATCH_SIZE);
    }
}
