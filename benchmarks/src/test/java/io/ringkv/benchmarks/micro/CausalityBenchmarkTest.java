package io.ringkv.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.causal.Dot;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.Version;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CausalityBenchmarkTest {

    private final CausalityBenchmark benchmark = new CausalityBenchmark();

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @Test
    void should_merge_the_two_replicas_into_three_concurrent_siblings_of_1_kb() {
        SiblingSet merged = benchmark.merge();

        assertThat(merged.versions())
                .extracting(Version::dot)
                .containsExactly(
                        new Dot(SampleData.NODE_A, 1), new Dot(SampleData.NODE_B, 1), new Dot(SampleData.NODE_C, 1));
        assertThat(merged.liveVersions())
                .hasSize(3)
                .allSatisfy(version -> assertThat(version.value()).hasSize(1024));
    }

    @Test
    void should_replace_all_three_siblings_with_the_value_written_with_their_context() {
        SiblingSet written = benchmark.write();

        assertThat(written.versions()).singleElement().satisfies(version -> {
            assertThat(version.dot()).isEqualTo(new Dot(SampleData.NODE_A, 2));
            assertThat(version.value()).isEqualTo(benchmark.resolvedValue());
        });
        assertThat(written.context().counter(SampleData.NODE_B)).isEqualTo(1);
        assertThat(written.context().counter(SampleData.NODE_C)).isEqualTo(1);
    }
}
