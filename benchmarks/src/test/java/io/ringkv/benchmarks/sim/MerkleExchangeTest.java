package io.ringkv.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleExchangeTest {

    private static final MerkleTreeShape SHAPE = new MerkleTreeShape(64, 16);

    @Test
    void should_exchange_only_roots_when_replicas_are_identical() {
        MerkleKeySpace keys = new MerkleKeySpace(SHAPE, 10_000);
        SimulatedMerkleReplica[] pair = SimulatedMerkleReplica.divergentPair(keys, 0, 1);

        MerkleExchangeResult result = new MerkleExchange(SHAPE).run(pair[0], pair[1]);

        assertThat(result.rootBytes()).isPositive();
        assertThat(result.bytesBeyondRoots()).isZero();
        assertThat(result.hashesReceived()).isEqualTo(64);
        assertThat(result.differingKeys()).isZero();
        assertThat(result.messages()).isEqualTo(2 * 64);
    }

    @Test
    void should_find_exactly_the_divergent_keys_and_list_far_fewer_entries_than_the_data_set() {
        MerkleKeySpace keys = new MerkleKeySpace(SHAPE, 10_000);
        for (int divergent : List.of(1, 10, 100)) {
            SimulatedMerkleReplica[] pair = SimulatedMerkleReplica.divergentPair(keys, divergent, divergent);

            MerkleExchangeResult result = new MerkleExchange(SHAPE).run(pair[0], pair[1]);

            assertThat(result.differingKeys()).as("k=%s", divergent).isEqualTo(divergent);
            // Each divergent key costs at most its leaf's keys (about 10 here), never the whole data set.
            assertThat(result.entriesReceived()).isLessThanOrEqualTo(divergent * 30L);
        }
    }

    @Test
    void should_grow_bytes_beyond_roots_with_k_and_agree_with_the_shape_model() {
        MerkleExperiment experiment = new MerkleExperiment(9);
        List<MerkleExperiment.Row> real = experiment.real(SHAPE, 20_000, List.of(1, 10, 100));
        List<MerkleExperiment.Row> model = experiment.modelled(SHAPE, 20_000, List.of(1, 10, 100));

        assertThat(real.get(1).result().bytesBeyondRoots())
                .isGreaterThan(real.get(0).result().bytesBeyondRoots());
        assertThat(real.get(2).result().bytesBeyondRoots())
                .isGreaterThan(real.get(1).result().bytesBeyondRoots());
        for (int i = 0; i < 3; i++) {
            double ratio = (double) model.get(i).result().totalBytes()
                    / real.get(i).result().totalBytes();
            assertThat(ratio).as("model over real tree, row %s", i).isBetween(0.8, 1.25);
            assertThat(model.get(i).result().differingKeys())
                    .isEqualTo(real.get(i).divergent());
        }
    }

    @Test
    void should_place_tokens_in_leaves_by_their_high_bits_within_the_partition() {
        MerkleTreeShape shape = new MerkleTreeShape(4, 8);

        assertThat(shape.leafDepth()).isEqualTo(3);
        assertThat(shape.leafOf(Long.MIN_VALUE)).isZero();
        assertThat(shape.leafOf(Long.MAX_VALUE)).isEqualTo(7);
        // Partition 2 of 4 starts at token 0 and spans a quarter of the ring; its middle is 2^61 further.
        assertThat(shape.leafOf(1L << 61)).isEqualTo(4);
    }
}
