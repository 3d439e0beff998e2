package io.ringkv.consistency.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NftablesRulesTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");
    private static final Map<String, String> ADDRESSES =
            Map.of("n1", "127.0.0.2", "n2", "127.0.0.3", "n3", "127.0.0.4", "n4", "127.0.0.5", "n5", "127.0.0.6");
    private static final Pattern DROP = Pattern.compile("ip saddr (\\S+) ip daddr (\\S+) drop");

    @Test
    void should_drop_both_directions_between_an_isolated_node_and_every_other() {
        Grudge isolated = Grudge.fromComponents(NODES, List.of(Set.of("n3"), Set.of("n1", "n2", "n4", "n5")));

        String script = NftablesRules.partitionScript(isolated, ADDRESSES);

        assertThat(drops(script))
                .containsExactlyInAnyOrder(
                        "127.0.0.4>127.0.0.2",
                        "127.0.0.4>127.0.0.3",
                        "127.0.0.4>127.0.0.5",
                        "127.0.0.4>127.0.0.6",
                        "127.0.0.2>127.0.0.4",
                        "127.0.0.3>127.0.0.4",
                        "127.0.0.5>127.0.0.4",
                        "127.0.0.6>127.0.0.4");
    }

    @Test
    void should_replace_the_table_atomically_with_an_output_hook_chain() {
        Grudge halves = PartitionShape.HALVES.grudge(NODES, new Random(3));

        String script = NftablesRules.partitionScript(halves, ADDRESSES);

        assertThat(script)
                .startsWith("add table ip ringkv_nemesis\ndelete table ip ringkv_nemesis\n")
                .contains("table ip ringkv_nemesis {")
                .contains("type filter hook output priority 0; policy accept;");
        assertThat(NftablesRules.command()).containsExactly("nft", "-f", "-");
    }

    @Test
    void should_cut_halves_into_two_groups_that_see_only_each_other() {
        Grudge halves = PartitionShape.HALVES.grudge(NODES, new Random(11));

        Set<String> drops = drops(NftablesRules.partitionScript(halves, ADDRESSES));

        // 2 + 3 nodes: every one of the 2 × 3 cross pairs, both ways.
        assertThat(drops).hasSize(12);
        assertThat(drops).allSatisfy(pair -> assertThat(drops).contains(reversed(pair)));
    }

    @Test
    void should_keep_the_bridge_node_connected_to_both_sides() {
        Grudge bridge = PartitionShape.BRIDGE.grudge(NODES, new Random(5));

        List<String> bridges =
                NODES.stream().filter(node -> bridge.cutFrom(node).isEmpty()).toList();

        assertThat(bridges).hasSize(1);
        // Two groups of two, fully cut from each other: 4 pairs, both ways.
        assertThat(drops(NftablesRules.partitionScript(bridge, ADDRESSES))).hasSize(8);
    }

    @Test
    void should_cut_a_minority_from_the_majority() {
        Grudge split = PartitionShape.MAJORITY_MINORITY.grudge(NODES, new Random(8));

        long cutOffNodes =
                NODES.stream().filter(node -> split.cutFrom(node).size() >= 3).count();

        assertThat(cutOffNodes).isBetween(1L, 2L);
        assertThat(drops(NftablesRules.partitionScript(split, ADDRESSES)))
                .hasSize(2 * (int) cutOffNodes * (NODES.size() - (int) cutOffNodes));
    }

    @Test
    void should_let_every_node_of_a_majorities_ring_see_a_majority() {
        Grudge ring = PartitionShape.MAJORITIES_RING.grudge(NODES, new Random(2));

        for (String node : NODES) {
            assertThat(NODES.size() - ring.cutFrom(node).size())
                    .as("nodes %s sees, itself included", node)
                    .isGreaterThanOrEqualTo(3);
        }
        assertThat(drops(NftablesRules.partitionScript(ring, ADDRESSES))).isNotEmpty();
    }

    @Test
    void should_delete_the_table_whether_or_not_it_exists() {
        assertThat(NftablesRules.removeTableScript())
                .isEqualTo("add table ip ringkv_nemesis\ndelete table ip ringkv_nemesis\n");
        assertThat(NftablesRules.probeScript()).endsWith("delete table ip ringkv_nemesis\n");
    }

    @Test
    void should_refuse_a_node_without_an_address() {
        Grudge grudge = Grudge.fromComponents(List.of("n1", "n9"), List.of(Set.of("n1"), Set.of("n9")));

        assertThatThrownBy(() -> NftablesRules.partitionScript(grudge, ADDRESSES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n9");
    }

    private static Set<String> drops(String script) {
        Matcher matcher = DROP.matcher(script);
        Set<String> pairs = new HashSet<>();
        while (matcher.find()) {
            pairs.add(matcher.group(1) + ">" + matcher.group(2));
        }
        return pairs;
    }

    private static String reversed(String pair) {
        String[] parts = pair.split(">");
        return parts[1] + ">" + parts[0];
    }
}
