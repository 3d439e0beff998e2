package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Histories in the shape Jepsen writes them (nemesis operations, times, errors, crashed clients),
 * kept as EDN files next to this test.
 */
class PublishedStyleHistoriesTest {

    @Test
    void should_find_the_partitioned_cas_register_history_linearizable() {
        CheckResult result = new LinearizabilityChecker(CasRegisterModel.create())
                .check(Resources.history("cas-register-valid.edn"));

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.operationCount())
                .as("failed cas and nemesis operations are not checked")
                .isEqualTo(10);
    }

    @Test
    void should_find_the_cas_on_an_overwritten_value_not_linearizable() {
        CheckResult result = new LinearizabilityChecker(CasRegisterModel.create())
                .check(Resources.history("cas-register-invalid.edn"));

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.failure().operation().f()).isEqualTo("cas");
        assertThat(result.failure().operation().invocation().index()).isEqualTo(7);
        assertThat(result.failure().candidates())
                .anySatisfy(candidate -> assertThat(candidate.explanation()).isEqualTo("can't CAS 4 from 0 to 3"));
    }

    @Test
    void should_find_only_the_broken_key_of_the_independent_history_not_linearizable() {
        CheckResult result = new LinearizabilityChecker(RegisterModel.create())
                .check(Resources.history("independent-register-invalid.edn"));

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.perKey()).extracting(KeyResult::key).containsExactly(1L, 2L);
        assertThat(result.perKey()).extracting(KeyResult::valid).containsExactly(Verdict.VALID, Verdict.INVALID);
        assertThat(result.failure().key()).isEqualTo(2L);
        assertThat(result.failure().operation().value()).isEqualTo(5L);
    }

    @Test
    void should_find_the_stale_read_behind_a_partition_not_linearizable() {
        CheckResult result = new LinearizabilityChecker(RegisterModel.create())
                .check(Resources.history("register-with-nemesis-stale-read.edn"));

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.failure().operation().completion().index()).isEqualTo(12);
    }
}
