package io.ringkv.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.VersionVector;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.ring.Partitioner;
import io.ringkv.server.cluster.PendingTransition;
import io.ringkv.server.linearizable.Register;
import io.ringkv.server.membership.RingRegister;
import io.ringkv.server.storage.CloseableIterator;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.StoredEntry;
import io.ringkv.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitionDriverTest {

    private static final int PARTITIONS = 64;
    private static final int KEYS = 300;

    @TempDir
    Path dataDirectory;

    private final ManualClock clock = new ManualClock();
    private final FakeStreamPeers peers = new FakeStreamPeers(List.of("n1", "n2", "n3", "n4"));
    private final PendingTransition join =
            TestRings.transition(4, "n4", TestRings.grown(PARTITIONS, 3, 3).withPendingJoin("n4"));
    private final List<RingRegister> finished = new ArrayList<>();

    @Test
    void should_stream_exactly_the_joiners_partitions_then_complete_the_transition() throws Exception {
        writeKeysToCurrentReplicas();
        TransitionDriver driver = driver(config(1 << 30, 0), new StreamingCounters(), clock::advanceNanos);

        driver.step();

        assertThat(finished).containsExactly(join.register());
        assertThat(keysIn("n4")).isEqualTo(expectedKeys("n4"));
        TransitionReport report = driver.reports().get(0);
        assertThat(report.keys()).isEqualTo(expectedKeys("n4").size());
        assertThat(report.partitionCopies())
                .isEqualTo(join.next().partitionsReplicatedBy("n4").size());
        assertThat(peers.counters("n4").bytesIn()).isEqualTo(report.bytes());
        assertThat(peers.counters("n4").keysIn()).isEqualTo(report.keys());
    }

    @Test
    void should_copy_several_partitions_at_once() throws Exception {
        writeKeysToCurrentReplicas();
        StreamingConfig parallel = new StreamingConfig(1 << 30, 1024, 0, 10, 1_000, 4);
        TransitionDriver driver = driver(parallel, new StreamingCounters(), clock::advanceNanos);

        driver.step();

        assertThat(finished).hasSize(1);
        assertThat(keysIn("n4")).isEqualTo(expectedKeys("n4"));
        assertThat(driver.reports().get(0).keys()).isEqualTo(expectedKeys("n4").size());
    }

    @Test
    void should_wait_until_the_transition_settled_before_streaming() throws Exception {
        writeKeysToCurrentReplicas();
        TransitionDriver driver = driver(config(1 << 30, 500), new StreamingCounters(), clock::advanceNanos);

        driver.step();
        assertThat(peers.fetches).isEmpty();
        clock.advanceNanos(500_000_000L);
        driver.step();

        assertThat(finished).hasSize(1);
    }

    @Test
    void should_switch_to_another_replica_when_a_source_fails() throws Exception {
        writeKeysToCurrentReplicas();
        peers.fail("n1");
        TransitionDriver driver = driver(config(1 << 30, 0), new StreamingCounters(), clock::advanceNanos);

        driver.step();

        assertThat(finished).hasSize(1);
        assertThat(keysIn("n4")).isEqualTo(expectedKeys("n4"));
        assertThat(peers.fetchSources).contains("n1", "n2", "n3");
    }

    @Test
    void should_resume_after_a_crash_from_the_recorded_progress() throws Exception {
        writeKeysToCurrentReplicas();
        // A tiny budget makes the driver wait after every chunk; the crash strikes in the middle of a
        // partition, at the first wait after the tenth that follows a chunk with more to come.
        AtomicInteger waits = new AtomicInteger();
        TransitionDriver crashing = driver(config(1024, 0), new StreamingCounters(), nanos -> {
            clock.advanceNanos(nanos);
            if (waits.incrementAndGet() >= 10 && !peers.lastChunk.done()) {
                peers.halt();
                throw new InterruptedException("crash");
            }
        });
        assertThatThrownBy(crashing::step).isInstanceOf(InterruptedException.class);
        int fetchesBeforeCrash = peers.fetches.size();
        assertThat(finished).isEmpty();
        peers.resume();

        TransitionDriver restarted = driver(config(1 << 30, 0), new StreamingCounters(), clock::advanceNanos);
        restarted.step();

        assertThat(finished).hasSize(1);
        assertThat(keysIn("n4")).isEqualTo(expectedKeys("n4"));
        // Registers are copied again after a crash by design (merging them is idempotent): count sibling sets.
        List<StreamRequest> siblingFetches =
                peers.fetches.stream().filter(fetch -> !fetch.registers()).toList();
        List<String> chunksFetched = siblingFetches.stream()
                .map(fetch -> fetch.partition() + "/" + HexFormat.of().formatHex(fetch.resumeAfterKey()))
                .toList();
        assertThat(chunksFetched)
                .as("no chunk delivered before the crash is fetched again")
                .doesNotHaveDuplicates();
        long siblingFetchesBeforeCrash = peers.fetches.subList(0, fetchesBeforeCrash).stream()
                .filter(fetch -> !fetch.registers())
                .count();
        assertThat(siblingFetches.get((int) siblingFetchesBeforeCrash).resumeAfterKey())
                .as("the interrupted copy resumes after its last recorded key")
                .isNotEmpty();
    }

    @Test
    void should_give_the_joiner_every_register_a_majority_of_the_current_replicas_holds() throws Exception {
        // Each key's newest register is on a bare majority (two of three replicas); the third holds an older
        // one. A copy from a single replica would hand the joiner the older register for some keys.
        Random random = new Random(7);
        Map<String, Register> newest = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            StorageKey key = storageKey("key-" + i);
            List<String> replicas = join.current().preferenceList(key.partition());
            String stale = replicas.get(random.nextInt(replicas.size()));
            Register older = Register.value(new AbdTag(1, "w"), bytes("old-" + i));
            Register latest = Register.value(new AbdTag(2, "w"), bytes("new-" + i));
            for (String replica : replicas) {
                peers.registers(replica)
                        .writeIfNewer(key, replica.equals(stale) ? older : latest)
                        .join();
            }
            newest.put("key-" + i, latest);
        }
        TransitionDriver driver = driver(config(1 << 30, 0), new StreamingCounters(), clock::advanceNanos);

        driver.step();

        assertThat(finished).hasSize(1);
        List<String> gained = expectedKeys("n4");
        assertThat(gained).isNotEmpty();
        for (String key : gained) {
            assertThat(peers.registers("n4").read(storageKey(key)).join())
                    .as("register of %s on the joiner", key)
                    .isEqualTo(newest.get(key));
        }
    }

    @Test
    void should_not_complete_while_a_majority_of_a_partitions_replicas_is_unreachable() throws Exception {
        writeKeysToCurrentReplicas();
        peers.fail("n2");
        peers.fail("n3");
        AtomicInteger retries = new AtomicInteger();
        TransitionDriver driver = driver(config(1 << 30, 0), new StreamingCounters(), nanos -> {
            clock.advanceNanos(nanos);
            if (retries.incrementAndGet() >= 5) {
                throw new InterruptedException("give up waiting");
            }
        });

        assertThatThrownBy(driver::step).isInstanceOf(InterruptedException.class);

        assertThat(finished).as("registers could come from one replica only").isEmpty();
    }

    @Test
    void should_pace_the_stream_to_the_byte_budget() throws Exception {
        writeKeysToCurrentReplicas();
        AtomicLong sleptNanos = new AtomicLong();
        long budget = 50_000;
        TransitionDriver driver = driver(config(budget, 0), new StreamingCounters(), nanos -> {
            sleptNanos.addAndGet(nanos);
            clock.advanceNanos(nanos);
        });

        driver.step();

        long bytes = driver.reports().get(0).bytes();
        double expectedSeconds = (double) (bytes - budget / 10) / budget;
        assertThat(sleptNanos.get() / 1e9).isBetween(expectedSeconds * 0.98, expectedSeconds * 1.02);
    }

    @Test
    void should_ignore_transitions_proposed_by_other_nodes() throws Exception {
        writeKeysToCurrentReplicas();
        TransitionDriver driver = new TransitionDriver(
                "n1",
                () -> join,
                register -> CompletableFuture.completedFuture(finished.add(register)),
                node -> true,
                peers,
                new StreamProgressStore(dataDirectory.resolve("streaming")),
                config(1 << 30, 0),
                new StreamingCounters(),
                clock,
                clock::advanceNanos);

        driver.step();

        assertThat(peers.fetches).isEmpty();
        assertThat(finished).isEmpty();
    }

    private TransitionDriver driver(
            StreamingConfig config, StreamingCounters counters, TransitionDriver.Sleeper sleeper) {
        return new TransitionDriver(
                "n4",
                () -> finished.isEmpty() ? join : null,
                register -> CompletableFuture.completedFuture(finished.add(register)),
                node -> true,
                peers,
                new StreamProgressStore(dataDirectory.resolve("streaming")),
                config,
                counters,
                clock,
                sleeper);
    }

    private static StreamingConfig config(long budgetBytesPerSecond, long settleMillis) {
        // One copy at a time: the fakes and the crash trigger of these tests are single-threaded.
        return new StreamingConfig(budgetBytesPerSecond, 1024, settleMillis, 10, 1_000, 1);
    }

    /** Writes each key to every replica of its partition in the current ring, as a settled cluster holds it. */
    private void writeKeysToCurrentReplicas() {
        Partitioner partitioner = new Partitioner(PARTITIONS);
        for (int i = 0; i < KEYS; i++) {
            byte[] key = ("key-" + i).getBytes(StandardCharsets.UTF_8);
            long token = partitioner.token(key);
            StorageKey storageKey = new StorageKey(partitioner.partitionOf(token), token, key);
            SiblingSet set = SiblingSets.write(
                    SiblingSet.EMPTY,
                    VersionVector.EMPTY,
                    new ActorId("n1", 1),
                    ("value-" + i + "-".repeat(300)).getBytes(StandardCharsets.UTF_8),
                    false,
                    0);
            for (String replica : join.current().preferenceList(storageKey.partition())) {
                peers.store(replica).apply(storageKey, set).join();
            }
        }
    }

    private static StorageKey storageKey(String key) {
        byte[] bytes = bytes(key);
        Partitioner partitioner = new Partitioner(PARTITIONS);
        long token = partitioner.token(bytes);
        return new StorageKey(partitioner.partitionOf(token), token, bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> expectedKeys(String nodeId) {
        Partitioner partitioner = new Partitioner(PARTITIONS);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            int partition = partitioner.partitionForKey(("key-" + i).getBytes(StandardCharsets.UTF_8));
            if (join.next().partitionsReplicatedBy(nodeId).contains(partition)) {
                keys.add("key-" + i);
            }
        }
        return keys.stream().sorted().toList();
    }

    private List<String> keysIn(String nodeId) {
        List<String> keys = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            try (CloseableIterator<StoredEntry> scan =
                    peers.store(nodeId).engine().scanPartition(partition)) {
                scan.forEachRemaining(entry -> keys.add(new String(entry.key().key(), StandardCharsets.UTF_8)));
            }
        }
        return keys.stream().sorted().toList();
    }
}
