package io.ringkv.consistency.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.CausalContext;
import io.ringkv.client.Consistency;
import io.ringkv.client.GetResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.HistoryBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisterWorkloadTest {

    private final RegisterWorkload workload = new RegisterWorkload(
            4, new ConsistencySettings(Consistency.EVENTUAL, 1, 1, Duration.ofSeconds(1)), "register-");

    @Test
    void should_write_unique_values_as_key_value_tuples() {
        Random random = new Random(7);
        Set<Object> written = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Invocation invocation = workload.next(random);
            List<?> tuple = (List<?>) invocation.value();
            assertThat(tuple).hasSize(2);
            assertThat((Long) tuple.get(0)).isBetween(0L, 3L);
            if (invocation.f().equals(RegisterWorkload.WRITE)) {
                assertThat(written.add(tuple.get(1)))
                        .as("value %s written once", tuple.get(1))
                        .isTrue();
            } else {
                assertThat(tuple.get(1)).isNull();
            }
        }
        assertThat(workload.storedKeys()).containsExactly("register-0", "register-1", "register-2", "register-3");
    }

    @Test
    void should_resolve_siblings_to_the_latest_write() {
        GetResult conflict = new GetResult(
                true,
                List.of(SetMergeTest.sibling("5", 100), SetMergeTest.sibling("9", 300), SetMergeTest.sibling("7", 200)),
                CausalContext.NONE,
                "n1");
        GetResult missing = new GetResult(false, List.of(), CausalContext.NONE, "n1");

        assertThat(RegisterWorkload.resolve(conflict)).isEqualTo(9L);
        assertThat(RegisterWorkload.resolve(missing)).isNull();
    }

    @Test
    void should_find_a_stale_read_per_key() {
        HistoryBuilder history = new HistoryBuilder()
                .invoke(0, "write", Arrays.asList(1L, 1L))
                .ok(0, "write", Arrays.asList(1L, 1L))
                .invoke(1, "read", Arrays.asList(1L, null))
                .ok(1, "read", Arrays.asList(1L, null))
                .invoke(0, "write", Arrays.asList(2L, 2L))
                .ok(0, "write", Arrays.asList(2L, 2L));

        WorkloadCheck check = workload.check(history.build());

        assertThat(check.valid()).isEqualTo(Verdict.INVALID);
        assertThat(check.details().get("invalid-keys")).isEqualTo(List.of(1L));
    }
}
