package io.ringkv.consistency.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.checker.CheckResult;
import io.ringkv.consistency.checker.ConvergenceResult;
import io.ringkv.consistency.checker.LinearizabilityChecker;
import io.ringkv.consistency.checker.RegisterModel;
import io.ringkv.consistency.checker.ReplicaState;
import io.ringkv.consistency.checker.SetCheckResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.HistoryBuilder;
import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.OpType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResultValuesTest {

    private static final Keyword VALID = Keyword.of("valid?");

    @Test
    void should_write_verdicts_as_jepsen_does() {
        assertThat(ResultValues.toPlain(Verdict.VALID)).isEqualTo(true);
        assertThat(ResultValues.toPlain(Verdict.INVALID)).isEqualTo(false);
        assertThat(ResultValues.toPlain(Verdict.UNKNOWN)).isEqualTo(Keyword.of("unknown"));
    }

    @Test
    void should_normalize_numbers_enums_and_optionals() {
        assertThat(ResultValues.toPlain(3)).isEqualTo(3L);
        assertThat(ResultValues.toPlain(Double.NaN)).isNull();
        assertThat(ResultValues.toPlain(0.25f)).isEqualTo(0.25);
        assertThat(ResultValues.toPlain(OpType.INFO)).isEqualTo(Keyword.of("info"));
        assertThat(ResultValues.toPlain(OptionalLong.of(5))).isEqualTo(5L);
        assertThat(ResultValues.toPlain(OptionalLong.empty())).isNull();
    }

    @Test
    void should_write_records_as_maps_of_kebab_case_keywords_without_null_components() {
        ConvergenceResult result = new ConvergenceResult(
                Verdict.INVALID,
                2,
                Map.of("k1", List.of(ReplicaState.read("n1", List.of("a")), ReplicaState.unreadable("n2", "timeout"))),
                Map.of());

        Map<?, ?> plain = (Map<?, ?>) ResultValues.toPlain(result);

        assertThat(plain.get(VALID)).isEqualTo(false);
        assertThat(plain.get(Keyword.of("key-count"))).isEqualTo(2L);
        List<?> replicas = (List<?>) ((Map<?, ?>) plain.get(Keyword.of("divergent"))).get("k1");
        assertThat(replicas.get(0)).isEqualTo(Map.of(Keyword.of("node"), "n1", Keyword.of("versions"), List.of("a")));
        assertThat(replicas.get(1)).isEqualTo(Map.of(Keyword.of("node"), "n2", Keyword.of("error"), "timeout"));
    }

    @Test
    void should_write_set_results_with_jepsen_counts() {
        SetCheckResult result =
                new SetCheckResult(Verdict.INVALID, 4, 3, 3, List.of(2L), List.of(9L), List.of(4L), List.of(), null);

        Map<?, ?> plain = (Map<?, ?>) ResultValues.toPlain(result);

        assertThat(plain.get(VALID)).isEqualTo(false);
        assertThat(plain.get(Keyword.of("lost-count"))).isEqualTo(1L);
        assertThat(plain.get(Keyword.of("lost"))).isEqualTo(List.of(2L));
        assertThat(plain.get(Keyword.of("unexpected-count"))).isEqualTo(1L);
        assertThat(plain.get(Keyword.of("recovered"))).isEqualTo(List.of(4L));
        assertThat(plain.containsKey(Keyword.of("unknown-reason"))).isFalse();
    }

    @Test
    void should_write_a_linearizability_result_with_its_text_report() {
        CheckResult result = new LinearizabilityChecker(RegisterModel.create())
                .check(new HistoryBuilder()
                        .invoke(0, "write", 1L)
                        .ok(0, "write", 1L)
                        .invoke(1, "read", null)
                        .ok(1, "read", 2L)
                        .build());

        Map<?, ?> plain = (Map<?, ?>) ResultValues.toPlain(result);

        assertThat(plain.get(VALID)).isEqualTo(false);
        assertThat(plain.get(Keyword.of("model"))).isEqualTo("register");
        assertThat(plain.get(Keyword.of("operation-count"))).isEqualTo(2L);
        assertThat((String) plain.get(Keyword.of("report")))
                .startsWith("INVALID")
                .contains("can't read 2 from register 1");
    }

    @Test
    void should_turn_map_keys_outside_strings_and_keywords_into_edn_text() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(List.of(1L, 2L), "tuple");
        map.put(Keyword.of("k"), "keyword");

        assertThat(ResultValues.toPlain(map)).isEqualTo(Map.of("[1 2]", "tuple", Keyword.of("k"), "keyword"));
    }

    @Test
    void should_combine_the_verdicts_found_among_the_results() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("linearizable", Verdict.VALID);
        results.put("convergence", new ConvergenceResult(Verdict.UNKNOWN, 1, Map.of(), Map.of()));
        results.put("note", "not a verdict");
        results.put("healed", true);
        assertThat(ResultValues.overallVerdict(results)).isEqualTo(Verdict.UNKNOWN);

        results.put("set", Map.of("valid?", false));
        assertThat(ResultValues.overallVerdict(results)).isEqualTo(Verdict.INVALID);
    }

    @Test
    void should_prefer_an_explicit_verdict_and_default_to_unknown() {
        assertThat(ResultValues.overallVerdict(Map.of("valid?", true, "set", Verdict.INVALID)))
                .isEqualTo(Verdict.VALID);
        assertThat(ResultValues.overallVerdict(Map.of("valid?", Keyword.of("unknown"))))
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(ResultValues.overallVerdict(Map.of("note", "nothing checked")))
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(ResultValues.overallVerdict(Map.of("linearizable", Verdict.VALID)))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void should_use_keywords_only_for_result_names_that_are_valid_keywords() {
        assertThat(ResultValues.resultKey("set-checker")).isEqualTo(Keyword.of("set-checker"));
        assertThat(ResultValues.resultKey("two words")).isEqualTo("two words");
    }
}
