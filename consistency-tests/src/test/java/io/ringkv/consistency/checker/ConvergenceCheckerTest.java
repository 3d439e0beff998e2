package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvergenceCheckerTest {

    private final ConvergenceChecker checker = new ConvergenceChecker();

    @Test
    void should_accept_replicas_that_hold_the_same_versions_in_any_order() {
        ConvergenceResult result = checker.check(Map.of(
                "k",
                List.of(
                        ReplicaState.read("n1", List.of("n1:1=a", "n2:1=b")),
                        ReplicaState.read("n2", List.of("n2:1=b", "n1:1=a")),
                        ReplicaState.read("n3", List.of("n1:1=a", "n2:1=b")))));

        assertThat(result.valid()).isEqualTo(Verdict.VALID);
        assertThat(result.summary()).contains("all 1 keys");
    }

    @Test
    void should_report_keys_whose_replicas_differ() {
        ConvergenceResult result = checker.check(Map.of(
                "same", List.of(ReplicaState.read("n1", List.of("n1:1=a")), ReplicaState.read("n2", List.of("n1:1=a"))),
                "split", List.of(ReplicaState.read("n1", List.of("n1:1=a")), ReplicaState.read("n2", List.of()))));

        assertThat(result.valid()).isEqualTo(Verdict.INVALID);
        assertThat(result.divergent()).containsOnlyKeys("split");
    }

    @Test
    void should_give_no_verdict_when_a_replica_could_not_be_read_and_the_others_agree() {
        ConvergenceResult result = checker.check(Map.of(
                "k", List.of(ReplicaState.read("n1", List.of("n1:1=a")), ReplicaState.unreadable("n2", "timeout"))));

        assertThat(result.valid()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.unreadable()).containsOnlyKeys("k");
    }
}
