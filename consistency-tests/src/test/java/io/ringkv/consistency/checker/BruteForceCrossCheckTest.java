package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.EdnHistoryWriter;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random tiny histories, linearizable or not, with a small value domain (so values repeat, which
 * stresses pruning), checked by the real search and by brute force: the verdicts must agree.
 */
class BruteForceCrossCheckTest {

    private static final int CASES = 3000;

    @Test
    void should_agree_with_brute_force_on_random_register_histories() {
        crossCheck(false, RegisterModel.create(), 1);
    }

    @Test
    void should_agree_with_brute_force_on_random_cas_register_histories() {
        crossCheck(true, CasRegisterModel.create(), 2);
    }

    @Test
    void should_agree_with_brute_force_when_nil_reads_are_unconstrained() {
        crossCheck(true, CasRegisterModel.withInitialValue(0L).withNilReadsUnconstrained(), 3);
    }

    private static void crossCheck(boolean withCas, Model model, long salt) {
        LinearizabilityChecker checker = new LinearizabilityChecker(model).withKeySplitting(KeySplitting.SINGLE);
        int valid = 0;
        for (long seed = 0; seed < CASES; seed++) {
            History history = randomHistory(new SplittableRandom(seed * 31 + salt), withCas);
            List<Operation> operations = OperationExtractor.extract(history, KeySplitting.SINGLE).values().stream()
                    .findFirst()
                    .orElse(List.of());

            boolean expected = BruteForceLinearizability.isLinearizable(model, operations);
            Verdict actual = checker.check(history).valid();

            assertThat(actual)
                    .as("seed %d, history:%n%s", seed, EdnHistoryWriter.toEdn(history))
                    .isEqualTo(expected ? Verdict.VALID : Verdict.INVALID);
            if (expected) {
                valid++;
            }
        }
        System.out.printf("%s: %d of %d random tiny histories linearizable%n", model, valid, CASES);
        assertThat(valid).as("both verdicts must be exercised").isBetween(CASES / 20, CASES - CASES / 20);
    }

    /** Up to 8 operations from up to 3 processes, values from {nil, 0, 1, 2}, random outcomes. */
    private static History randomHistory(SplittableRandom random, boolean withCas) {
        int processes = 1 + random.nextInt(3);
        int operations = 1 + random.nextInt(8);
        List<Pending> pending = new ArrayList<>();
        HistoryBuilder builder = new HistoryBuilder();
        boolean[] busy = new boolean[processes];
        int invoked = 0;
        while (invoked < operations || !pending.isEmpty()) {
            boolean invoke = invoked < operations && (pending.isEmpty() || random.nextBoolean());
            if (invoke) {
                int process = random.nextInt(processes);
                if (busy[process]) {
                    continue;
                }
                busy[process] = true;
                invoked++;
                Pending op = new Pending(process, randomF(random, withCas));
                op.value = switch (op.f) {
                    case "read" -> null;
                    case "write" -> randomValue(random);
                    default -> Arrays.asList(randomValue(random), randomValue(random));
                };
                builder.invoke(process, op.f, op.value);
                pending.add(op);
            } else {
                Pending op = pending.remove(random.nextInt(pending.size()));
                busy[op.process] = false;
                int outcome = random.nextInt(10);
                if (outcome < 6) {
                    builder.ok(op.process, op.f, op.f.equals("read") ? randomValue(random) : op.value);
                } else if (outcome < 8) {
                    builder.info(op.process, op.f, op.value);
                } else if (outcome < 9) {
                    builder.fail(op.process, op.f, op.value);
                }
                // else: never completed; the process does not invoke again (it stays busy).
                if (outcome == 9) {
                    busy[op.process] = true;
                }
            }
            if (allBusyWithNothingPending(busy, pending) && invoked < operations) {
                break;
            }
        }
        return builder.build();
    }

    private static boolean allBusyWithNothingPending(boolean[] busy, List<Pending> pending) {
        for (boolean processBusy : busy) {
            if (!processBusy) {
                return false;
            }
        }
        return pending.isEmpty();
    }

    private static String randomF(SplittableRandom random, boolean withCas) {
        int choice = random.nextInt(withCas ? 3 : 2);
        return choice == 0 ? "read" : choice == 1 ? "write" : "cas";
    }

    private static Object randomValue(SplittableRandom random) {
        int choice = random.nextInt(4);
        return choice == 3 ? null : (Object) (long) choice;
    }

    private static final class Pending {
        final int process;
        final String f;
        Object value;

        Pending(int process, String f) {
            this.process = process;
            this.f = f;
        }
    }
}
