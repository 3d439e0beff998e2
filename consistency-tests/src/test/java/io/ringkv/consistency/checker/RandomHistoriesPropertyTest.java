package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.EdnHistoryWriter;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.OpType;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thousands of small seeded histories from the simulated linearizable store: every one must be
 * valid, and every one with an injected stale read invalid.
 */
class RandomHistoriesPropertyTest {

    private static final int CASES = 2000;

    @Test
    void should_find_every_history_of_a_linearizable_register_valid_and_every_stale_read_invalid() {
        checkMany(false);
    }

    @Test
    void should_find_every_history_of_a_linearizable_cas_register_valid_and_every_stale_read_invalid() {
        checkMany(true);
    }

    @Test
    void should_generate_the_same_history_for_the_same_seed() {
        assertThat(RandomHistories.register(7, 200, 3, 5, 0.1)).isEqualTo(RandomHistories.register(7, 200, 3, 5, 0.1));
        assertThat(RandomHistories.register(7, 200, 3, 5, 0.1))
                .isNotEqualTo(RandomHistories.register(8, 200, 3, 5, 0.1));
    }

    @Test
    void should_generate_crashed_operations_and_fresh_process_numbers_after_them() {
        History history = RandomHistories.register(11, 1000, 1, 5, 0.2);

        long crashed = history.stream().filter(op -> op.type() == OpType.INFO).count();
        long highestProcess =
                history.stream().mapToLong(op -> op.process().number()).max().orElseThrow();

        assertThat(crashed).isBetween(100L, 300L);
        assertThat(highestProcess).isGreaterThanOrEqualTo(5);
        assertThat(history.pairs()).hasSize(1000);
    }

    private static void checkMany(boolean withCas) {
        Model model = withCas ? CasRegisterModel.create() : RegisterModel.create();
        LinearizabilityChecker checker = new LinearizabilityChecker(model);
        int staleChecked = 0;
        for (long seed = 0; seed < CASES; seed++) {
            SplittableRandom shape = new SplittableRandom(seed);
            int operations = 5 + shape.nextInt(40);
            int keys = 1 + shape.nextInt(3);
            int processes = 1 + shape.nextInt(6);
            double infoRate = shape.nextDouble() * 0.3;
            History history = withCas
                    ? RandomHistories.casRegister(seed, operations, keys, processes, infoRate)
                    : RandomHistories.register(seed, operations, keys, processes, infoRate);

            assertThat(checker.check(history).valid())
                    .as("seed %d, history:%n%s", seed, EdnHistoryWriter.toEdn(history))
                    .isEqualTo(Verdict.VALID);

            Optional<History> stale = RandomHistories.withStaleRead(history, seed);
            if (stale.isPresent()) {
                staleChecked++;
                CheckResult result = checker.check(stale.get());
                assertThat(result.valid())
                        .as("seed %d, history with a stale read:%n%s", seed, EdnHistoryWriter.toEdn(stale.get()))
                        .isEqualTo(Verdict.INVALID);
                assertThat(result.failure()).as("seed %d", seed).isNotNull();
                assertThat(result.failure().operation().f()).as("seed %d", seed).isEqualTo("read");
            }
        }
        System.out.printf("%s: %d valid histories, %d with an injected stale read%n", model, CASES, staleChecked);
        assertThat(staleChecked).as("enough histories had a read to make stale").isGreaterThan(CASES / 4);
    }
}
