package io.ringkv.server.hints;

import static io.ringkv.server.hints.HintTestData.covers;
import static io.ringkv.server.hints.HintTestData.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.VersionVector;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random adds, replay passes with random owners up and random delivery failures, expiry and reopens,
 * against a small model: at the end the store is empty and every set that was added, and not dropped
 * by expiry, reached its owner (the merge of what the owner acknowledged covers it), while no owner got
 * anything that was not added for it. The seed is in the failure message.
 */
class HintHandoffPropertyTest {

    private static final List<String> OWNERS = List.of("node-b", "node-c", "node-d");
    private static final List<String> WRITERS = List.of("node-x", "node-y", "node-z");
    private static final int KEYS = 12;
    private static final int STEPS = 120;
    private static final long MAX_AGE_MILLIS = 60_000;
    private static final long MAX_TOTAL_BYTES = 4_000;

    /** The model checks logic, not fsync (HintStoreTest does), so files live in memory where the OS allows. */
    @TempDir(factory = MemoryBackedTempDirectories.class)
    Path directory;

    /** Creates test directories on {@code /dev/shm} when it exists, otherwise in the default temporary folder. */
    static final class MemoryBackedTempDirectories implements TempDirFactory {

        @Override
        public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
                throws IOException {
            Path memory = Path.of("/dev/shm");
            if (Files.isDirectory(memory) && Files.isWritable(memory)) {
                return Files.createTempDirectory(memory, "ringkv-hints-");
            }
            return Files.createTempDirectory("ringkv-hints-");
        }
    }

    /** One successful add and whether expiry dropped it before it was delivered. */
    private static final class Added {
        final String owner;
        final StorageKey key;
        final SiblingSet set;
        boolean expired;

        Added(String owner, StorageKey key, SiblingSet set) {
            this.owner = owner;
            this.key = key;
            this.set = set;
        }
    }

    private Random random;
    private final ManualClock clock = new ManualClock();
    private final FakeHintDelivery delivery = new FakeHintDelivery();
    private final Set<String> alive = ConcurrentHashMap.newKeySet();
    private final List<Added> added = new ArrayList<>();
    private final Map<String, SiblingSet> latestByKey = new HashMap<>();
    private HintConfig config;
    private HintStore store;
    private HintReplayer replayer;
    private int refusedAdds;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 20_240_611L})
    void every_added_hint_that_did_not_expire_reaches_its_owner_and_the_store_ends_empty(long seed)
            throws InterruptedException {
        random = new Random(seed);
        config = new HintConfig(MAX_AGE_MILLIS, MAX_TOTAL_BYTES, 3_600_000, 2 + random.nextInt(7));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            open(scheduler);
            for (int step = 0; step < STEPS; step++) {
                runStep(scheduler);
                assertThat(store.pendingBytes()).isLessThanOrEqualTo(MAX_TOTAL_BYTES);
                assertThat(OWNERS.stream().mapToLong(store::pendingCount).sum()).isEqualTo(store.pendingCount());
            }
            drain();
            checkEveryAddReachedItsOwner();
        } catch (AssertionError failure) {
            throw new AssertionError("failed with seed " + seed + ": " + failure.getMessage(), failure);
        } finally {
            replayer.close();
            store.close();
            scheduler.shutdown();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void runStep(ScheduledExecutorService scheduler) {
        int dice = random.nextInt(100);
        if (dice < 55) {
            addBurst();
        } else if (dice < 80) {
            replayWithRandomFailures();
        } else if (dice < 92) {
            advanceClockAndExpire();
        } else {
            reopen(scheduler);
        }
    }

    /**
     * Submits a few adds at once, as concurrent writes would, so they share commits and may merge into
     * one another's hints within a batch; some are retries of earlier sets, which must add nothing new.
     */
    private void addBurst() {
        List<Added> burst = new ArrayList<>();
        int size = 1 + random.nextInt(6);
        for (int i = 0; i < size; i++) {
            if (!added.isEmpty() && random.nextInt(5) == 0) {
                Added earlier = added.get(random.nextInt(added.size()));
                burst.add(new Added(earlier.owner, earlier.key, earlier.set));
            } else {
                burst.add(newWrite());
            }
        }
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (Added add : burst) {
            stages.add(store.add(add.owner, add.key, add.set).toCompletableFuture());
        }
        for (int i = 0; i < burst.size(); i++) {
            try {
                stages.get(i).join();
                added.add(burst.get(i));
            } catch (CompletionException refused) {
                assertThat(refused).cause().isInstanceOf(HintStoreFullException.class);
                refusedAdds++;
            }
        }
    }

    private Added newWrite() {
        String owner = OWNERS.get(random.nextInt(OWNERS.size()));
        String keyName = "k" + random.nextInt(KEYS);
        SiblingSet previous = latestByKey.getOrDefault(keyName, SiblingSet.EMPTY);
        // Half the writes read first (they supersede), half are blind (they become siblings).
        VersionVector context = random.nextBoolean() ? previous.context() : VersionVector.EMPTY;
        byte[] value = new byte[1 + random.nextInt(40)];
        random.nextBytes(value);
        ActorId coordinator = new ActorId(WRITERS.get(random.nextInt(WRITERS.size())), 1);
        SiblingSet written = SiblingSets.write(
                previous, context, coordinator, value, random.nextInt(10) == 0, clock.wallClockMillis());
        latestByKey.put(keyName, written);
        return new Added(owner, key(keyName), written);
    }

    private void replayWithRandomFailures() {
        alive.clear();
        for (String owner : OWNERS) {
            if (random.nextInt(10) < 6) {
                alive.add(owner);
            }
        }
        int mode = random.nextInt(3);
        int salt = random.nextInt();
        // Failures depend on the key only, never on delivery order, so a seed always replays the same way.
        delivery.failWhen((owner, key) -> mode == 1 || (mode == 2 && ((key.hashCode() ^ salt) & 1) == 0));
        replayer.replayNow()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    /**
     * Moves the clock and expires at once, so the replayer's own expiry (at the same clock) never finds
     * more: the model knows exactly which hints were dropped.
     */
    private void advanceClockAndExpire() {
        clock.advanceNanos(TimeUnit.MILLISECONDS.toNanos(random.nextLong(MAX_AGE_MILLIS / 2)));
        long cutoffMillis = clock.wallClockMillis() - MAX_AGE_MILLIS;
        List<Hint> expected = new ArrayList<>();
        for (String owner : OWNERS) {
            store.oldest(owner, 10_000).stream()
                    .filter(hint -> hint.createdAtMillis() < cutoffMillis)
                    .forEach(expected::add);
        }

        assertThat(store.expire()).isEqualTo(expected.size());

        Set<Long> remaining = new HashSet<>();
        for (String owner : OWNERS) {
            store.oldest(owner, 10_000).forEach(hint -> remaining.add(hint.id()));
        }
        for (Hint dropped : expected) {
            assertThat(remaining).doesNotContain(dropped.id());
            SiblingSet deliveredSoFar = delivered(dropped.intendedOwner(), dropped.key());
            for (Added add : added) {
                if (add.owner.equals(dropped.intendedOwner())
                        && add.key.equals(dropped.key())
                        && !covers(deliveredSoFar, add.set)) {
                    add.expired = true;
                }
            }
        }
    }

    private void reopen(ScheduledExecutorService scheduler) {
        long count = store.pendingCount();
        long bytes = store.pendingBytes();
        Set<String> owners = store.owners();
        replayer.close();
        store.close();

        open(scheduler);

        assertThat(store.pendingCount()).isEqualTo(count);
        assertThat(store.pendingBytes()).isEqualTo(bytes);
        assertThat(store.owners()).isEqualTo(owners);
    }

    private void drain() {
        alive.addAll(OWNERS);
        delivery.failWhen((owner, key) -> false);
        for (int pass = 0; pass < 100 && store.pendingCount() > 0; pass++) {
            replayer.replayNow()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
        }
        assertThat(store.pendingCount()).isZero();
        assertThat(store.pendingBytes()).isZero();
        assertThat(store.owners()).isEmpty();
    }

    private void checkEveryAddReachedItsOwner() {
        long kept = added.stream().filter(add -> !add.expired).count();
        assertThat(kept).as("adds that did not expire").isGreaterThan(added.size() / 4);
        for (Added add : added) {
            if (!add.expired) {
                assertThat(covers(delivered(add.owner, add.key), add.set))
                        .as("%s of %s reached %s", add.set, add.key, add.owner)
                        .isTrue();
            }
        }
        for (FakeHintDelivery.Delivery sent : delivery.acknowledged()) {
            SiblingSet everythingAdded = added.stream()
                    .filter(add -> add.owner.equals(sent.owner()) && add.key.equals(sent.key()))
                    .map(add -> add.set)
                    .reduce(SiblingSet.EMPTY, SiblingSets::merge);
            assertThat(covers(everythingAdded, sent.set()))
                    .as("%s got only what was added for it", sent.owner())
                    .isTrue();
        }
        assertThat(replayer.counters().expired())
                .as("the replayer's expiry found nothing the explicit one had not dropped")
                .isZero();
        assertThat(added.size() + refusedAdds).isPositive();
    }

    private SiblingSet delivered(String owner, StorageKey key) {
        return delivery.acknowledged().stream()
                .filter(sent -> sent.owner().equals(owner) && sent.key().equals(key))
                .map(FakeHintDelivery.Delivery::set)
                .reduce(SiblingSet.EMPTY, SiblingSets::merge);
    }

    private void open(ScheduledExecutorService scheduler) {
        store = HintStore.open(directory, config, clock);
        replayer = new HintReplayer(store, delivery, config, alive::contains, scheduler, clock);
    }
}
