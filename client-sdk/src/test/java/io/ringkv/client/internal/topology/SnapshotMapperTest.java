package io.ringkv.client.internal.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.message.NodeEntry;
import io.ringkv.protocol.message.RingSnapshotReply;
import io.ringkv.ring.NodeInfo;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.PartitionAssigner;
import io.ringkv.ring.Partitioner;
import io.ringkv.ring.RingSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SnapshotMapperTest {

    @Test
    void should_give_the_same_preference_lists_as_the_ring_the_server_built() {
        long seed = 77L;
        SplittableRandom random = new SplittableRandom(seed);
        List<String> ids = List.of("n1", "n2", "n3", "n4", "n5");
        Map<String, String> racks = Map.of("n1", "r1", "n2", "r1", "n3", "r2", "n4", "r2", "n5", "r3");
        String[] owners = new PartitionAssigner(3).initial(ids, 256, racks);
        Map<String, NodeInfo> infos = new HashMap<>();
        List<NodeEntry> entries = new ArrayList<>();
        for (String id : ids) {
            infos.put(
                    id, new NodeInfo(id, "10.0.0." + id.charAt(1), 7101, 8080, racks.get(id), NodeState.NORMAL, true));
            entries.add(
                    new NodeEntry(id, "10.0.0." + id.charAt(1), 7101, 8080, racks.get(id), NodeStatus.NORMAL, true));
        }
        RingSnapshot server = RingSnapshot.of(9, new Partitioner(256), 3, owners, infos);
        int[] ownerIndexes = new int[owners.length];
        for (int partition = 0; partition < owners.length; partition++) {
            ownerIndexes[partition] = ids.indexOf(owners[partition]);
        }

        RingSnapshot client = SnapshotMapper.toSnapshot(new RingSnapshotReply(9, 256, 3, entries, ownerIndexes));

        assertThat(client.version()).isEqualTo(9);
        assertThat(client.isRackAware()).isTrue();
        for (int i = 0; i < 1_000; i++) {
            byte[] key = ("key-" + random.nextLong()).getBytes(StandardCharsets.UTF_8);
            assertThat(client.preferenceListForKey(key))
                    .as("seed %d", seed)
                    .isEqualTo(server.preferenceListForKey(key));
        }
    }

    @Test
    void should_map_node_states_and_liveness() {
        List<NodeEntry> entries = List.of(
                new NodeEntry("a", "h", 1, 2, "", NodeStatus.NORMAL, true),
                new NodeEntry("b", "h", 3, 4, "", NodeStatus.JOINING, false),
                new NodeEntry("c", "h", 5, 6, "", NodeStatus.LEFT, false));

        RingSnapshot ring = SnapshotMapper.toSnapshot(new RingSnapshotReply(1, 2, 1, entries, new int[] {0, 1}));

        assertThat(ring.nodes().get("b").state()).isEqualTo(NodeState.JOINING);
        assertThat(ring.nodes().get("b").alive()).isFalse();
        assertThat(ring.nodes().get("c").state()).isEqualTo(NodeState.LEFT);
        assertThat(ring.nodes().get("a").binaryPort()).isEqualTo(1);
    }

    @Test
    void should_reject_a_reply_that_is_not_a_ring() {
        List<NodeEntry> one = List.of(new NodeEntry("a", "h", 1, 2, "", NodeStatus.NORMAL, true));

        assertThatThrownBy(() -> SnapshotMapper.toSnapshot(new RingSnapshotReply(1, 2, 1, one, new int[] {0, 1})))
                .hasMessageContaining("owner index 1");
        assertThatThrownBy(() -> SnapshotMapper.toSnapshot(new RingSnapshotReply(1, 4, 1, one, new int[] {0, 0})))
                .hasMessageContaining("2 owners for 4 partitions");
        assertThatThrownBy(() -> SnapshotMapper.toSnapshot(new RingSnapshotReply(0, 0, 1, List.of(), new int[0])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
