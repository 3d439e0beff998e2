package io.ringkv.protocol.codec;

import io.netty.handler.flush.FlushConsolidationHandler;

/**
 * The flush policy of every RingKV connection (server, internode, SDK, load generator): frames written
 * in one event-loop turn leave in one write syscall instead of one each. Consolidation outside a read is
 * on because most frames are written off the read path (a storage or peer completion hops onto the
 * loop), and the flush then runs as the loop's next task. Goes before the {@link RingKvCodec}.
 */
public final class FlushBatching {

    /** Most flushes held back before one is let through, so a long turn still writes as it goes. */
    static final int MAX_HELD_FLUSHES = 64;

    private FlushBatching() {}

    /** A handler for one channel (it keeps per-channel state, so it is not sharable). */
    public static FlushConsolidationHandler newHandler() {
        return new FlushConsolidationHandler(MAX_HELD_FLUSHES, true);
    }
}
