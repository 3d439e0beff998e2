package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.History;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The size the suite produces: 10,000 operations over 10 keys from 20 processes, 5% crashed. No timing
 * assertion (speed belongs in benchmarks); the time is printed so a regression is visible in the log.
 */
class LargeHistoryTest {

    private static final long SEED = 20_240_601L;

    @Test
    void should_check_a_ten_thousand_operation_history_as_linearizable() {
        History history = RandomHistories.register(SEED, 10_000, 10, 20, 0.05);

        long start = System.nanoTime();
        CheckResult result = new LinearizabilityChecker(RegisterModel.create()).check(history);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(
                "10,000-operation register history (%d entries, 10 keys, 20 processes, 5%% info): %s in %d ms,"
                        + " %d states%n",
                history.size(), result.valid(), elapsedMillis, result.statesExplored());
        assertThat(result.valid()).as("seed %d", SEED).isEqualTo(Verdict.VALID);
        assertThat(result.perKey()).hasSize(10);
        assertThat(result.operationCount()).isEqualTo(10_000);
    }

    @Test
    void should_find_a_stale_read_in_a_ten_thousand_operation_cas_history() {
        History valid = RandomHistories.casRegister(SEED, 10_000, 10, 20, 0.05);
        Optional<History> stale = RandomHistories.withStaleRead(valid, SEED);
        assertThat(stale).isPresent();

        long start = System.nanoTime();
        CheckResult result = new LinearizabilityChecker(CasRegisterModel.create()).check(stale.get());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf(
                "10,000-operation cas-register history with one stale read: %s in %d ms, %d states%n",
                result.valid(), elapsedMillis, result.statesExplored());
        assertThat(result.valid()).as("seed %d", SEED).isEqualTo(Verdict.INVALID);
        assertThat(result.invalidKeys()).hasSize(1);
        assertThat(result.failure().minimal())
                .as("shrunk to a 1-minimal window")
                .isTrue();
        assertThat(result.failure().windowHistory()).hasSizeLessThan(10);
    }
}
