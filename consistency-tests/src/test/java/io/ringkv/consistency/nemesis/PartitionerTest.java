package io.ringkv.consistency.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PartitionerTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");

    @Test
    void should_tell_every_node_its_blocked_peers_and_heal_with_empty_sets() {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        LinkFilterPartitioner partitioner =
                new LinkFilterPartitioner(NODES, (node, peers) -> filters.put(node, new TreeSet<>(peers)));

        partitioner.partition(Grudge.fromComponents(NODES, List.of(Set.of("n1"), Set.of("n2", "n3"))));

        assertThat(filters)
                .containsEntry("n1", Set.of("n2", "n3"))
                .containsEntry("n2", Set.of("n1"))
                .containsEntry("n3", Set.of("n1"));

        partitioner.close();

        assertThat(filters.values()).allSatisfy(peers -> assertThat(peers).isEmpty());
        assertThat(partitioner.mechanism()).isEqualTo("link-filter");
    }

    @Test
    void should_try_every_node_before_reporting_the_ones_that_failed() {
        List<String> told = new ArrayList<>();
        LinkFilterPartitioner partitioner = new LinkFilterPartitioner(NODES, (node, peers) -> {
            told.add(node);
            if (node.equals("n2")) {
                throw new IllegalStateException("n2 is paused");
            }
        });

        assertThatThrownBy(partitioner::heal).hasMessageContaining("n2: n2 is paused");
        assertThat(told).containsExactly("n1", "n2", "n3");
    }

    @Test
    void should_feed_the_partition_script_to_nft_and_delete_the_table_on_close() {
        List<String> scripts = new ArrayList<>();
        CommandRunner nft = (command, input) -> {
            assertThat(command).containsExactly("nft", "-f", "-");
            scripts.add(input);
            return new CommandRunner.Result(0, "");
        };
        NftablesPartitioner partitioner =
                new NftablesPartitioner(nft, Map.of("n1", "127.0.0.2", "n2", "127.0.0.3", "n3", "127.0.0.4"));

        partitioner.partition(Grudge.fromComponents(NODES, List.of(Set.of("n1", "n2"), Set.of("n3"))));
        partitioner.close();

        assertThat(scripts).hasSize(2);
        assertThat(scripts.get(0)).contains("ip saddr 127.0.0.4 ip daddr 127.0.0.2 drop");
        assertThat(scripts.get(1)).isEqualTo(NftablesRules.removeTableScript());
    }

    @Test
    void should_report_nftables_unavailable_when_the_probe_fails_or_nft_is_missing() {
        CommandRunner refused = (command, input) -> new CommandRunner.Result(1, "Operation not permitted");
        CommandRunner missing = (command, input) -> {
            throw new IOException("Cannot run program nft");
        };

        assertThat(NftablesPartitioner.isAvailable(refused)).isFalse();
        assertThat(NftablesPartitioner.isAvailable(missing)).isFalse();
        assertThat(NftablesPartitioner.isAvailable((command, input) -> new CommandRunner.Result(0, "")))
                .isTrue();
    }

    @Test
    void should_fail_loudly_when_nft_rejects_a_partition() {
        NftablesPartitioner partitioner = new NftablesPartitioner(
                (command, input) -> new CommandRunner.Result(1, "syntax error"),
                Map.of("n1", "127.0.0.2", "n2", "127.0.0.3"));

        assertThatThrownBy(() -> partitioner.partition(
                        Grudge.fromComponents(List.of("n1", "n2"), List.of(Set.of("n1"), Set.of("n2")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("syntax error");
    }
}
