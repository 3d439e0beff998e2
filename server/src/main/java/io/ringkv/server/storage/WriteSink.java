package io.ringkv.server.storage;

import java.util.List;

/**
 * The engine side of a {@link WritePipeline}: applies writes to the store and makes them durable.
 *
 * <p>Called by one thread at a time per pipeline under group commit (the writer thread), and by any
 * number of caller threads at once under per-write sync; an implementation that cannot take
 * concurrent batches (MapDB, whose commit is global) serialises them itself.
 */
@FunctionalInterface
public interface WriteSink {

    /**
     * Applies {@code batch} in list order (a later write of a key wins) and makes all of it durable with
     * one sync before returning. After a normal return every write must be visible to the engine's
     * reads and scans.
     *
     * @throws StorageException when the batch could not be written or synced; the engine should then
     *     leave no part of the batch half-applied where it can (MapDB rolls back)
     */
    void writeDurably(List<QueuedWrite> batch);
}
