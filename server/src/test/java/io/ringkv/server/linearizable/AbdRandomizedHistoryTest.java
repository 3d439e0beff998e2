package io.ringkv.server.linearizable;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.message.AbdTag;
import io.ringkv.server.coordinator.RequestFailedException;
import io.ringkv.server.linearizable.RegisterLinearizabilityCheck.Operation;
import io.ringkv.server.storage.StorageKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent reads, writes and deletes through three coordinators against three replicas behind a
 * lossy, reordering network, on virtual time; every seed's history must be linearizable. A second case
 * runs the same load across a membership change that hands n3's replica to n4.
 */
class AbdRandomizedHistoryTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");
    /** The replicas after the membership change: n4 takes n3's place. */
    private static final List<String> NEXT_NODES = List.of("n1", "n2", "n4");

    private static final List<String> ALL_NODES = List.of("n1", "n2", "n3", "n4");
    private static final StorageKey KEY = new StorageKey(0, 1L, "register".getBytes(StandardCharsets.UTF_8));
    private static final int SEEDS = 200;
    private static final int PROCESSES = 5;
    private static final int OPERATIONS_PER_PROCESS = 12;
    private static final long TIMEOUT_MILLIS = 60;

    /** Totals over all seeds, to show the runs exercised what they claim to. */
    private int acknowledgedReadsOfValues;

    private int acknowledgedWrites;
    private int unknownOutcomes;
    private int definiteFailures;

    @Test
    void should_produce_only_linearizable_histories_under_random_delays_drops_and_concurrency() {
        RegisterRequest request = new RegisterRequest(KEY, NODES, TIMEOUT_MILLIS);
        for (long seed = 1; seed <= SEEDS; seed++) {
            Run run = new Run(seed, NODES);
            run.runProcesses(OPERATIONS_PER_PROCESS, (coordinator, nowMillis) -> request);
            check(seed, run);
        }

        assertExercised();
        assertThat(unknownOutcomes).as("operations of unknown outcome").isGreaterThan(SEEDS / 10);
    }

    /**
     * The change as the ring goes through it: first each coordinator notices the transition at its own
     * moment and switches from the current replicas to joint quorums; once that load drained, n4 copies
     * the register from a random majority of the current replicas (the partition copy); then each
     * coordinator, again at its own moment, switches from joint quorums to the new ring alone. Operations
     * on the new ring overlap joint ones, so a write acknowledged by a majority of the current replicas
     * only would be missed by new-ring reads.
     */
    @Test
    void should_stay_linearizable_across_a_membership_change_with_joint_quorums_while_it_is_pending() {
        RegisterRequest before = new RegisterRequest(KEY, NODES, TIMEOUT_MILLIS);
        RegisterRequest joint = new RegisterRequest(KEY, NODES, NEXT_NODES, TIMEOUT_MILLIS);
        RegisterRequest after = new RegisterRequest(KEY, NEXT_NODES, TIMEOUT_MILLIS);
        int operationsPerStage = OPERATIONS_PER_PROCESS / 2;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Run run = new Run(seed, ALL_NODES);
            long[] seesTransitionAt = run.momentPerCoordinator(0);
            run.runProcesses(
                    operationsPerStage,
                    (coordinator, nowMillis) -> nowMillis < seesTransitionAt[coordinator] ? before : joint);
            List<String> sources = new ArrayList<>(NODES);
            sources.remove(run.random.nextInt(sources.size()));
            run.replicas.copy(sources, "n4");
            long[] seesNewRingAt = run.momentPerCoordinator(run.loop.nowMillis());
            run.runProcesses(
                    operationsPerStage,
                    (coordinator, nowMillis) -> nowMillis < seesNewRingAt[coordinator] ? joint : after);
            check(seed, run);
        }

        assertExercised();
    }

    private void check(long seed, Run run) {
        assertThat(RegisterLinearizabilityCheck.isLinearizable(run.history, null))
                .as("seed %d produced a non-linearizable history:%n%s", seed, describe(run.history))
                .isTrue();
        for (String node : run.replicaNodes) {
            assertThat(run.replicas.storedTags(node))
                    .as("seed %d: tags stored on %s", seed, node)
                    .isSortedAccordingTo(AbdTag::compareTo)
                    .doesNotHaveDuplicates();
        }
    }

    private void assertExercised() {
        assertThat(acknowledgedReadsOfValues).as("reads that found a value").isGreaterThan(SEEDS);
        assertThat(acknowledgedWrites).as("acknowledged writes").isGreaterThan(SEEDS);
        assertThat(unknownOutcomes).as("operations of unknown outcome").isPositive();
        assertThat(definiteFailures).as("definite failures").isPositive();
    }

    /** Which request a coordinator uses for an operation it starts at {@code nowMillis}. */
    private interface RequestChoice {
        RegisterRequest of(int coordinator, long nowMillis);
    }

    /**
     * One seeded simulation: the loop, the network, three coordinators (on n1..n3) and the client
     * processes.
     */
    private final class Run {
        private final SplittableRandom random;
        private final VirtualTimeLoop loop = new VirtualTimeLoop();
        private final List<String> replicaNodes;
        private final SimulatedReplicas replicas;
        private final List<AbdCoordinator> coordinators = new ArrayList<>();
        private final List<Operation> history = new ArrayList<>();
        /** Orders invocations and completions on one clock; virtual times alone may tie. */
        private long events;

        private int nextValue = 1;

        Run(long seed, List<String> replicaNodes) {
            this.random = new SplittableRandom(seed);
            this.replicaNodes = replicaNodes;
            this.replicas = new SimulatedReplicas(replicaNodes, loop, random.split(), 0.08, 15);
            FakeClusterView everyoneAlive = new FakeClusterView(null);
            for (String node : NODES) {
                coordinators.add(new AbdCoordinator(new TagIssuer(node + "/1"), everyoneAlive, replicas, loop));
            }
        }

        /** Runs every process for {@code operationsPerProcess} operations, until the network is idle. */
        void runProcesses(int operationsPerProcess, RequestChoice requests) {
            for (int process = 0; process < PROCESSES; process++) {
                int client = process;
                loop.after(random.nextInt(10), () -> invoke(client, operationsPerProcess, requests));
            }
            loop.runUntilIdle();
        }

        /** A random virtual time per coordinator, a little after {@code fromMillis}. */
        long[] momentPerCoordinator(long fromMillis) {
            return random.longs(coordinators.size(), fromMillis, fromMillis + 150)
                    .toArray();
        }

        private void invoke(int process, int remaining, RequestChoice requests) {
            if (remaining == 0) {
                return;
            }
            int coordinatorIndex = random.nextInt(coordinators.size());
            AbdCoordinator coordinator = coordinators.get(coordinatorIndex);
            RegisterRequest request = requests.of(coordinatorIndex, loop.nowMillis());
            int choice = random.nextInt(20);
            long invokedAt = events++;
            Runnable next = () -> loop.after(random.nextInt(20), () -> invoke(process, remaining - 1, requests));
            if (choice < 9) {
                coordinator.read(request).whenComplete((register, failure) -> {
                    if (failure == null) {
                        Integer value = register.present()
                                ? ByteBuffer.wrap(register.value()).getInt()
                                : null;
                        history.add(Operation.read(process, value, invokedAt, events++));
                        acknowledgedReadsOfValues += value == null ? 0 : 1;
                    } else {
                        // A failed read changed nothing a client could see: it constrains nothing.
                        count(failure);
                    }
                    next.run();
                });
            } else {
                Integer value = choice < 18 ? nextValue++ : null;
                CompletionStage<AbdTag> write = value == null
                        ? coordinator.write(request, new byte[0], true)
                        : coordinator.write(
                                request, ByteBuffer.allocate(4).putInt(value).array(), false);
                write.whenComplete((tag, failure) -> {
                    if (failure == null) {
                        history.add(Operation.write(process, value, invokedAt, events++));
                        acknowledgedWrites++;
                    } else if (!count(failure)) {
                        history.add(Operation.write(process, value, invokedAt, RegisterLinearizabilityCheck.UNKNOWN));
                    }
                    next.run();
                });
            }
        }

        /** Counts a failure; returns whether it was definite (then the write must not have happened). */
        private boolean count(Throwable failure) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            boolean definite = ((RequestFailedException) cause).definite();
            if (definite) {
                definiteFailures++;
            } else {
                unknownOutcomes++;
            }
            return definite;
        }
    }

    private static String describe(List<Operation> history) {
        StringBuilder text = new StringBuilder();
        history.stream()
                .sorted((left, right) -> Long.compare(left.invokedAt(), right.invokedAt()))
                .forEach(operation -> text.append("  ").append(operation).append('\n'));
        return text.toString();
    }
}
