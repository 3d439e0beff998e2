package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.History;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterModelTest {

    private static List<Operation> operations(String edn) {
        History history = EdnHistoryReader.parse(edn);
        return OperationExtractor.extract(history, KeySplitting.SINGLE).get(null);
    }

    private static List<Object> describe(List<Operation> operations) {
        return operations.stream()
                .map(op -> (Object) (op.f() + " " + op.value()))
                .toList();
    }

    @Test
    void should_step_reads_writes_and_cas_like_a_register() {
        List<Operation> ops = operations("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :ok, :f :write, :value 1}
                {:process 0, :type :invoke, :f :read, :value nil}
                {:process 0, :type :ok, :f :read, :value 1}
                {:process 0, :type :invoke, :f :cas, :value [1 2]}
                {:process 0, :type :ok, :f :cas, :value [1 2]}
                """);
        CasRegisterModel model = CasRegisterModel.create();

        assertThat(model.step(null, ops.get(0))).isEqualTo(1L);
        assertThat(model.step(1L, ops.get(1))).isEqualTo(1L);
        assertThat(model.step(2L, ops.get(1))).isSameAs(Model.INCONSISTENT);
        assertThat(model.step(1L, ops.get(2))).isEqualTo(2L);
        assertThat(model.step(3L, ops.get(2))).isSameAs(Model.INCONSISTENT);
        assertThat(model.explain(3L, ops.get(2))).isEqualTo("can't CAS 3 from 1 to 2");
        assertThat(model.isReadOnly(ops.get(1))).isTrue();
        assertThat(model.isReadOnly(ops.get(0))).isFalse();
    }

    @Test
    void should_prune_crashed_reads_and_crashed_writes_nobody_observed() {
        List<Operation> ops = operations("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :info, :f :write, :value 1}
                {:process 1, :type :invoke, :f :write, :value 2}
                {:process 1, :type :info, :f :write, :value 2}
                {:process 2, :type :invoke, :f :read, :value nil}
                {:process 2, :type :info, :f :read, :value nil}
                {:process 3, :type :invoke, :f :write, :value 3}
                {:process 3, :type :ok, :f :write, :value 3}
                {:process 4, :type :invoke, :f :read, :value nil}
                {:process 4, :type :ok, :f :read, :value 2}
                """);

        List<Operation> pruned = RegisterModel.create().prune(ops);

        assertThat(describe(pruned)).containsExactly("write 2", "write 3", "read 2");
    }

    @Test
    void should_prune_chains_of_crashed_cas_operations_until_nothing_changes() {
        List<Operation> ops = operations("""
                {:process 0, :type :invoke, :f :write, :value 1}
                {:process 0, :type :info, :f :write, :value 1}
                {:process 1, :type :invoke, :f :cas, :value [1 2]}
                {:process 1, :type :info, :f :cas, :value [1 2]}
                {:process 2, :type :invoke, :f :cas, :value [5 6]}
                {:process 2, :type :ok, :f :cas, :value [5 6]}
                """);

        List<Operation> pruned = CasRegisterModel.create().prune(ops);

        assertThat(describe(pruned))
                .as("2 is never observed, so cas 1->2 goes, and then nobody expects 1 either")
                .containsExactly("cas [5, 6]");
    }

    @Test
    void should_prune_nil_reads_only_when_they_are_unconstrained() {
        List<Operation> ops = operations("""
                {:process 0, :type :invoke, :f :read, :value nil}
                {:process 0, :type :ok, :f :read, :value nil}
                """);

        assertThat(RegisterModel.create().prune(ops)).hasSize(1);
        assertThat(RegisterModel.create().withNilReadsUnconstrained().prune(ops))
                .isEmpty();
    }

    @Test
    void should_name_models_and_keep_their_settings() {
        assertThat(RegisterModel.create().name()).isEqualTo("register");
        assertThat(CasRegisterModel.create().name()).isEqualTo("cas-register");
        assertThat(RegisterModel.withInitialValue(0L).initialState()).isEqualTo(0L);
        assertThat(CasRegisterModel.withInitialValue("x").withNilReadsUnconstrained())
                .satisfies(model -> {
                    assertThat(model.initialValue()).isEqualTo("x");
                    assertThat(model.nilReadsUnconstrained()).isTrue();
                    assertThat(model.toString()).isEqualTo("cas-register(initial \"x\", nil reads unconstrained)");
                });
    }
}
