package io.ringkv.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.server.cluster.PendingTransition;
import io.ringkv.server.cluster.RingLayout;
import io.ringkv.server.streaming.TestRings;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class RingReportTest {

    private static final int PARTITIONS = 64;

    private final RingLayout pending = TestRings.grown(PARTITIONS, 3, 3).withPendingJoin("n4");
    private final PendingTransition join = TestRings.transition(4, "n4", pending);

    @Test
    void should_name_the_joiner_for_each_partition_it_takes_over_and_null_for_the_others() throws Exception {
        RingReport report = RingReport.of(join.current(), join);

        assertThat(report.pendingOwners()).hasSize(PARTITIONS);
        for (int partition = 0; partition < PARTITIONS; partition++) {
            assertThat(report.pendingOwners().get(partition))
                    .as("partition %d", partition)
                    .isEqualTo(pending.pendingOwner(partition).orElse(null));
        }
        assertThat(report.pendingOwners().stream().filter(Objects::nonNull))
                .isNotEmpty()
                .containsOnly("n4");
        JsonNode json = new ObjectMapper().valueToTree(report);
        assertThat(json.path("pending_owners")).hasSize(PARTITIONS);
    }

    @Test
    void should_report_no_pending_owners_without_a_transition_of_the_served_ring() {
        assertThat(RingReport.of(join.current(), null).pendingOwners()).isEmpty();
        assertThat(RingReport.of(TestRings.snapshot(5, pending.next()), join).pendingOwners())
                .as("a transition of an older ring")
                .isEmpty();
        assertThat(RingReport.of(join.current(), null).owners()).hasSize(PARTITIONS);
    }
}
