package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryBuilder;
import io.ringkv.consistency.history.Op;
import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.history.OperationPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Seeded random histories of a simulated, correct (linearizable) register store, for tests and
 * benchmarks of the checkers. Concurrent client processes invoke operations; each takes effect
 * atomically at a random moment between its invocation and its completion. With probability {@code
 * infoRate} an operation completes {@code :info} instead: it may have taken effect before, may take
 * effect later (after its completion was recorded), or never; its process then crashes and, as in
 * Jepsen, a new process number takes its place. Every write writes a fresh value (1, 2, 3, ...), so a
 * read identifies the write it saw.
 *
 * <p>With more than one key, values are Jepsen "independent" {@code [key value]} tuples.
 */
public final class RandomHistories {

    private RandomHistories() {}

    /**
     * A read/write register history.
     *
     * @param seed the seed; equal arguments give equal histories
     * @param operations how many operations to invoke (the history has about twice as many entries)
     * @param keys how many registers (1 gives plain values, more give {@code [key value]} tuples)
     * @param processes how many concurrent client processes
     * @param infoRate the probability that an operation completes {@code :info}
     */
    public static History register(long seed, int operations, int keys, int processes, double infoRate) {
        return new Simulation(seed, keys, processes, infoRate, false).run(operations);
    }

    /**
     * Like {@link #register}, with {@code :cas} operations too; a compare-and-set whose expected value
     * is not current completes {@code :fail} and has no effect.
     */
    public static History casRegister(long seed, int operations, int keys, int processes, double infoRate) {
        return new Simulation(seed, keys, processes, infoRate, true).run(operations);
    }

    /**
     * The same history with one {@code :ok} read changed to return a stale value: the value of a write
     * that was already overwritten (by a write that completed before the read was invoked). For
     * histories with distinct write values, as generated here, the result is never linearizable.
     *
     * @return the changed history, or empty when no read follows two completed writes of its key
     */
    public static Optional<History> withStaleRead(History history, long seed) {
        List<OperationPair> pairs = history.pairs();
        boolean tuples = OperationExtractor.looksPerKey(pairs);
        List<int[]> choices = new ArrayList<>();
        for (int r = 0; r < pairs.size(); r++) {
            OperationPair read = pairs.get(r);
            if (!read.f().equals("read") || read.outcome() != OpType.OK) {
                continue;
            }
            List<Integer> writesBefore = new ArrayList<>();
            int latestInvocation = -1;
            for (int w = 0; w < r; w++) {
                if (isOkWriteBefore(pairs.get(w), read, tuples)) {
                    writesBefore.add(w);
                    latestInvocation = Math.max(latestInvocation, pairs.get(w).invocationPosition());
                }
            }
            // A write that completed before another write was invoked has been overwritten for sure.
            for (int w : writesBefore) {
                OperationPair older = pairs.get(w);
                if (older.completionPosition() < latestInvocation
                        && !Objects.equals(valueOf(older, tuples), valueOf(read, tuples))) {
                    choices.add(new int[] {r, w});
                }
            }
        }
        if (choices.isEmpty()) {
            return Optional.empty();
        }
        int[] choice = choices.get(new SplittableRandom(seed).nextInt(choices.size()));
        OperationPair read = pairs.get(choice[0]);
        Object stale = pairs.get(choice[1]).invocation().value();
        List<Op> ops = new ArrayList<>(history.ops());
        ops.set(read.completionPosition(), read.completion().withValue(stale));
        return Optional.of(History.of(ops));
    }

    private static boolean isOkWriteBefore(OperationPair write, OperationPair read, boolean tuples) {
        return write.f().equals("write")
                && write.outcome() == OpType.OK
                && write.completionPosition() < read.invocationPosition()
                && (!tuples || keyOf(write).equals(keyOf(read)));
    }

    private static Object keyOf(OperationPair pair) {
        return ((List<?>) pair.invocation().value()).get(0);
    }

    private static Object valueOf(OperationPair pair, boolean tuples) {
        Object value = pair.f().equals("read")
                ? pair.completion().value()
                : pair.invocation().value();
        return tuples ? ((List<?>) value).get(1) : value;
    }

    /** One run of the simulated store. */
    private static final class Simulation {
        private final SplittableRandom random;
        private final int keys;
        private final int processes;
        private final double infoRate;
        private final boolean withCas;
        private final HistoryBuilder history = new HistoryBuilder();
        private final Map<Long, Long> registers = new HashMap<>();
        private final long[] processIds;
        private final Pending[] pending;
        private final List<Pending> late = new ArrayList<>();
        private long nextValue = 1;

        Simulation(long seed, int keys, int processes, double infoRate, boolean withCas) {
            if (keys < 1 || processes < 1 || infoRate < 0 || infoRate > 1) {
                throw new IllegalArgumentException("need keys >= 1, processes >= 1 and 0 <= infoRate <= 1");
            }
            this.random = new SplittableRandom(seed);
            this.keys = keys;
            this.processes = processes;
            this.infoRate = infoRate;
            this.withCas = withCas;
            this.processIds = new long[processes];
            Arrays.setAll(processIds, slot -> slot);
            this.pending = new Pending[processes];
        }

        History run(int operations) {
            int invoked = 0;
            int busy = 0;
            while (invoked < operations || busy > 0) {
                if (!late.isEmpty() && random.nextInt(8) == 0) {
                    Pending crashed = late.remove(random.nextInt(late.size()));
                    if (random.nextBoolean()) {
                        apply(crashed);
                    }
                }
                int slot = random.nextInt(processes);
                Pending op = pending[slot];
                if (op == null) {
                    if (invoked < operations) {
                        pending[slot] = invoke(slot);
                        invoked++;
                        busy++;
                    }
                } else if (op.crashes && random.nextInt(3) == 0) {
                    complete(slot, op);
                    busy--;
                } else if (!op.applied) {
                    apply(op);
                } else {
                    complete(slot, op);
                    busy--;
                }
            }
            return history.build();
        }

        private Pending invoke(int slot) {
            long key = random.nextInt(keys);
            int choice = random.nextInt(withCas ? 3 : 2);
            Pending op;
            if (choice == 0) {
                op = new Pending(key, "read", null, null);
            } else if (choice == 1) {
                op = new Pending(key, "write", nextValue++, null);
            } else {
                Long current = registers.get(key);
                Long expected = random.nextBoolean() || current == null
                        ? (nextValue > 1 ? 1 + random.nextLong(nextValue - 1) : null)
                        : current;
                op = new Pending(key, "cas", expected, nextValue++);
            }
            op.crashes = random.nextDouble() < infoRate;
            history.invoke(processIds[slot], op.f, wrap(key, op.invokedValue()));
            return op;
        }

        private void apply(Pending op) {
            op.applied = true;
            switch (op.f) {
                case "read" -> op.readValue = registers.get(op.key);
                case "write" -> registers.put(op.key, op.value);
                default -> {
                    op.casSucceeded = Objects.equals(registers.get(op.key), op.value);
                    if (op.casSucceeded) {
                        registers.put(op.key, op.newValue);
                    }
                }
            }
        }

        private void complete(int slot, Pending op) {
            long process = processIds[slot];
            pending[slot] = null;
            if (op.crashes) {
                history.info(process, op.f, wrap(op.key, op.invokedValue()));
                if (!op.applied) {
                    late.add(op);
                }
                processIds[slot] += processes;
                return;
            }
            switch (op.f) {
                case "read" -> history.ok(process, "read", wrap(op.key, op.readValue));
                case "write" -> history.ok(process, "write", wrap(op.key, op.value));
                default -> {
                    if (op.casSucceeded) {
                        history.ok(process, "cas", wrap(op.key, op.invokedValue()));
                    } else {
                        history.fail(process, "cas", wrap(op.key, op.invokedValue()));
                    }
                }
            }
        }

        private Object wrap(long key, Object value) {
            return keys == 1 ? value : Collections.unmodifiableList(Arrays.asList(key, value));
        }
    }

    /** An operation in flight in the simulation. */
    private static final class Pending {
        final long key;
        final String f;
        final Long value;
        final Long newValue;
        boolean crashes;
        boolean applied;
        boolean casSucceeded;
        Long readValue;

        Pending(long key, String f, Long value, Long newValue) {
            this.key = key;
            this.f = f;
            this.value = value;
            this.newValue = newValue;
        }

        Object invokedValue() {
            return f.equals("cas") ? Collections.unmodifiableList(Arrays.asList(value, newValue)) : value;
        }
    }
}
