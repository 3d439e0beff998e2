package io.ringkv.server.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.ring.Partitioner;
import org.junit.jupiter.api.Test;

class MerkleTreeShapeTest {

    @Test
    void should_map_the_first_and_last_token_of_every_leaf_to_that_leaf_and_partition() {
        MerkleTreeShape shape = new MerkleTreeShape(8, 16);
        Partitioner partitioner = new Partitioner(8);
        for (int partition = 0; partition < 8; partition++) {
            for (int leaf = 0; leaf < 16; leaf++) {
                long first = shape.firstTokenOf(partition, leaf);
                long last = leaf == 15
                        ? (partition == 7 ? Long.MAX_VALUE : shape.firstTokenOf(partition + 1, 0) - 1)
                        : shape.firstTokenOf(partition, leaf + 1) - 1;
                assertThat(partitioner.partitionOf(first)).isEqualTo(partition);
                assertThat(partitioner.partitionOf(last)).isEqualTo(partition);
                assertThat(shape.leafOf(first)).isEqualTo(leaf);
                assertThat(shape.leafOf(last)).isEqualTo(leaf);
            }
        }
        assertThat(shape.firstTokenOf(0, 0)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void should_number_nodes_in_heap_order_by_depth() {
        MerkleTreeShape shape = new MerkleTreeShape(2, 64);
        assertThat(shape.leafDepth()).isEqualTo(6);
        assertThat(shape.isNodeAt(0, 1)).isTrue();
        assertThat(shape.isNodeAt(1, 2)).isTrue();
        assertThat(shape.isNodeAt(1, 4)).isFalse();
        assertThat(shape.isNodeAt(6, 127)).isTrue();
        assertThat(shape.isNodeAt(7, 128)).isFalse();
    }

    @Test
    void should_reject_a_leaf_count_that_is_not_a_power_of_two() {
        assertThatThrownBy(() -> new MerkleTreeShape(8, 48))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }
}
