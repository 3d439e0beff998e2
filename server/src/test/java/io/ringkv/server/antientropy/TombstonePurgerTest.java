package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TombstonePurgerTest {

    private static final MerkleTreeShape SHAPE = new MerkleTreeShape(2, 16);
    private static final long GRACE_MILLIS = Duration.ofDays(10).toMillis();

    private final ManualClock clock = new ManualClock(0, 1_000_000);
    private final TestReplica replica = new TestReplica("a", SHAPE);
    /** Start time of the last exchange with every co-replica; none yet. */
    private final AtomicLong exchangedAt = new AtomicLong(Long.MIN_VALUE);

    private final TombstonePurger purger =
            new TombstonePurger(replica.store, GRACE_MILLIS, clock, (partition, since) -> exchangedAt.get() > since);

    @Test
    void should_keep_a_tombstone_younger_than_the_grace_period_even_after_an_exchange() throws InterruptedException {
        StorageKey key = deletedKey();
        clock.advance(Duration.ofDays(9));
        exchangedAt.set(clock.wallClockMillis());

        assertThat(purgeAll()).isZero();
        assertThat(replica.store.read(key)).isPresent();
    }

    @Test
    void should_keep_an_old_tombstone_until_an_exchange_started_after_it_was_written() throws InterruptedException {
        StorageKey key = deletedKey();
        exchangedAt.set(clock.wallClockMillis() - 1);
        clock.advance(Duration.ofDays(11));

        assertThat(purgeAll()).isZero();
        assertThat(replica.store.read(key)).isPresent();

        exchangedAt.set(clock.wallClockMillis());
        assertThat(purgeAll()).isEqualTo(1);
        assertThat(replica.store.read(key)).isEmpty();
    }

    @Test
    void should_never_purge_a_key_with_a_live_sibling() throws InterruptedException {
        StorageKey key = replica.key("mixed");
        replica.write(key, "old", clock.wallClockMillis());
        TestReplica other = new TestReplica("b", SHAPE);
        other.merge(key, replica.store.read(key).orElseThrow());
        other.delete(key, clock.wallClockMillis());
        // A concurrent write on this replica keeps a live sibling next to the other's tombstone.
        replica.write(key, "concurrent", clock.wallClockMillis());
        replica.merge(key, other.store.read(key).orElseThrow());
        clock.advance(Duration.ofDays(30));
        exchangedAt.set(clock.wallClockMillis());

        assertThat(purgeAll()).isZero();
        assertThat(replica.store.read(key).orElseThrow().liveVersions()).hasSize(1);
    }

    @Test
    void should_update_the_merkle_tree_when_it_purges() throws InterruptedException {
        StorageKey kept = replica.key("kept");
        replica.write(kept, "value", clock.wallClockMillis());
        StorageKey key = deletedKey();
        long rootWithTombstone = replica.forest.tree(key.partition()).root();
        clock.advance(Duration.ofDays(11));
        exchangedAt.set(clock.wallClockMillis());

        assertThat(purgeAll()).isEqualTo(1);

        long rootAfter = replica.forest.tree(key.partition()).root();
        assertThat(rootAfter).isNotEqualTo(rootWithTombstone);
        assertThat(rootAfter)
                .isEqualTo(new MerkleForest(SHAPE, replica.engine)
                        .tree(key.partition())
                        .root());
        assertThat(replica.store.read(kept)).isPresent();
    }

    private StorageKey deletedKey() {
        StorageKey key = replica.key("deleted");
        replica.write(key, "value", clock.wallClockMillis());
        replica.delete(key, clock.wallClockMillis());
        replica.forest.tree(key.partition());
        return key;
    }

    private long purgeAll() throws InterruptedException {
        long purged = 0;
        for (int partition = 0; partition < SHAPE.partitionCount(); partition++) {
            purged += purger.purge(partition);
        }
        return purged;
    }
}
