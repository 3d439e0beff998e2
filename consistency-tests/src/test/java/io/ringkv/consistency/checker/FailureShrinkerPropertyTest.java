package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.EdnHistoryWriter;
import io.ringkv.consistency.history.History;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random invalid histories (a simulated linearizable store with one read made stale, and
 * crashed operations): every failing key's window, with its indeterminate operations, must itself
 * be not linearizable, must be 1-minimal, and must be made of the key's own operations. Windows are
 * re-checked by brute force when they are small enough, else by a fresh search.
 */
class FailureShrinkerPropertyTest {

    private static final int CASES = 400;

    @Test
    void should_shrink_every_stale_read_in_a_register_history_to_a_sound_one_minimal_window() {
        checkMany(false);
    }

    @Test
    void should_shrink_every_stale_read_in_a_cas_register_history_to_a_sound_one_minimal_window() {
        checkMany(true);
    }

    private static void checkMany(boolean withCas) {
        Model model = withCas ? CasRegisterModel.create() : RegisterModel.create();
        LinearizabilityChecker checker = new LinearizabilityChecker(model);
        int windows = 0;
        int bruteForced = 0;
        int withIndeterminate = 0;
        for (long seed = 0; seed < CASES; seed++) {
            SplittableRandom shape = new SplittableRandom(seed);
            int operations = 10 + shape.nextInt(60);
            int keys = 1 + shape.nextInt(2);
            int processes = 1 + shape.nextInt(5);
            double infoRate = shape.nextDouble() * 0.3;
            History valid = withCas
                    ? RandomHistories.casRegister(seed, operations, keys, processes, infoRate)
                    : RandomHistories.register(seed, operations, keys, processes, infoRate);
            Optional<History> stale = RandomHistories.withStaleRead(valid, seed);
            if (stale.isEmpty()) {
                continue;
            }
            String context = "seed " + seed + ", history:\n" + EdnHistoryWriter.toEdn(stale.get());
            CheckResult result = checker.check(stale.get());
            assertThat(result.valid()).as(context).isEqualTo(Verdict.INVALID);
            Map<Object, List<Operation>> byKey = OperationExtractor.extract(stale.get(), checker.keySplitting());
            for (KeyResult keyResult : result.invalidKeys()) {
                FailureWindow failure = keyResult.failure();
                List<Operation> window = failure.windowHistory();
                String keyContext = context + "\nwindow: " + window;

                assertThat(failure.minimal()).as(keyContext).isTrue();
                assertThat(failure.minimalWindow()).as(keyContext).isNotEmpty();
                assertThat(WindowChecks.isLinearizable(model, window))
                        .as("the window alone must not be linearizable; %s", keyContext)
                        .isFalse();
                assertThat(WindowChecks.needlessOperations(model, failure))
                        .as("kept operations whose weakening leaves the window failing; %s", keyContext)
                        .isEmpty();
                assertThat(window)
                        .as(keyContext)
                        .allSatisfy(operation -> assertThat(byKey.get(keyResult.key()))
                                .anySatisfy(original ->
                                        assertThat(original.invocation()).isEqualTo(operation.invocation())));
                windows++;
                bruteForced += WindowChecks.fitsBruteForce(window) ? 1 : 0;
                withIndeterminate += failure.indeterminateInWindow().isEmpty() ? 0 : 1;
            }
        }
        System.out.printf(
                "%s: %d shrunk windows, %d re-checked by brute force, %d with indeterminate operations%n",
                model, windows, bruteForced, withIndeterminate);
        assertThat(windows).as("enough histories had a read to make stale").isGreaterThan(CASES / 4);
        assertThat(bruteForced).as("most windows are small").isGreaterThan(windows * 9 / 10);
    }
}
