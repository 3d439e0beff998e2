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
 * lossy, reordering network, on virtual time; every seed's history must be linearizable.
 */
class AbdRandomizedHistoryTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");
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
        for (long seed = 1; seed <= SEEDS; seed++) {
            Run run = new Run(seed);
            List<Operation> history = run.execute();

            assertThat(RegisterLinearizabilityCheck.isLinearizable(history, null))
                    .as("seed %d produced a non-linearizable history:%n%s", seed, describe(history))
                    .isTrue();
            for (String node : NODES) {
                assertThat(run.replicas.storedTags(node))
                        .as("seed %d: tags stored on %s", seed, node)
                        .isSortedAccordingTo(AbdTag::compareTo)
                        .doesNotHaveDuplicates();
            }
        }

        assertThat(acknowledgedReadsOfValues).as("reads that found a value").isGreaterThan(SEEDS);
        assertThat(acknowledgedWrites).as("acknowledged writes").isGreaterThan(SEEDS);
        assertThat(unknownOutcomes).as("operations of unknown outcome").isGreaterThan(SEEDS / 10);
        assertThat(definiteFailures).as("definite failures").isPositive();
    }

    /** One seeded simulation: the loop, the network, three coordinators and the client processes. */
    private final class Run {
        private final SplittableRandom random;
        private final VirtualTimeLoop loop = new VirtualTimeLoop();
        private final SimulatedReplicas replicas;
        private final List<AbdCoordinator> coordinators = new ArrayList<>();
        private final List<Operation> history = new ArrayList<>();
        private final RegisterRequest request = new RegisterRequest(KEY, NODES, TIMEOUT_MILLIS);
        /** Orders invocations and completions on one clock; virtual times alone may tie. */
        private long events;

        private int nextValue = 1;

        Run(long seed) {
            this.random = new SplittableRandom(seed);
            this.replicas = new SimulatedReplicas(NODES, loop, random.split(), 0.08, 15);
            FakeClusterView everyoneAlive = new FakeClusterView(null);
            for (String node : NODES) {
                coordinators.add(new AbdCoordinator(new TagIssuer(node + "/1"), everyoneAlive, replicas, loop));
            }
        }

        List<Operation> execute() {
            for (int process = 0; process < PROCESSES; process++) {
                int client = process;
                loop.after(random.nextInt(10), () -> invoke(client, OPERATIONS_PER_PROCESS));
            }
            loop.runUntilIdle();
            return history;
        }

        private void invoke(int process, int remaining) {
            if (remaining == 0) {
                return;
            }
            AbdCoordinator coordinator = coordinators.get(random.nextInt(coordinators.size()));
            int choice = random.nextInt(20);
            long invokedAt = events++;
            Runnable next = () -> loop.after(random.nextInt(20), () -> invoke(process, remaining - 1));
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
