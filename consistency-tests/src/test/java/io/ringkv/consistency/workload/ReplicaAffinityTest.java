package io.ringkv.consistency.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.policy.RequestKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaAffinityTest {

    private static final List<String> REPLICAS = List.of("n3", "n1", "n4");

    @Test
    void should_send_each_client_to_the_replica_of_its_rank_first() {
        assertThat(new ReplicaAffinity(0).plan(RequestKind.READ, REPLICAS, null))
                .containsExactly("n3", "n1", "n4");
        assertThat(new ReplicaAffinity(1).plan(RequestKind.WRITE, REPLICAS, null))
                .containsExactly("n1", "n4", "n3");
        assertThat(new ReplicaAffinity(5).plan(RequestKind.READ, REPLICAS, null))
                .containsExactly("n4", "n3", "n1");
    }
}
