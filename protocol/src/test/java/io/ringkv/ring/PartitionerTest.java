package io.ringkv.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionerTest {

    @Test
    void should_default_to_4096_partitions() {
        assertThat(new Partitioner().partitionCount()).isEqualTo(4096).isEqualTo(Partitioner.DEFAULT_PARTITION_COUNT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 100, 4095, (1 << 20) + 1, 1 << 21, -4096, Integer.MIN_VALUE})
    void should_reject_partition_counts_that_are_not_powers_of_two_in_range(int partitionCount) {
        assertThatThrownBy(() -> new Partitioner(partitionCount))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }

    @Test
    void should_split_the_ring_in_halves_when_there_are_two_partitions() {
        Partitioner partitioner = new Partitioner(2);

        assertThat(partitioner.partitionOf(Long.MIN_VALUE)).isZero();
        assertThat(partitioner.partitionOf(-1L)).isZero();
        assertThat(partitioner.partitionOf(0L)).isEqualTo(1);
        assertThat(partitioner.partitionOf(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(partitioner.startToken(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(partitioner.startToken(1)).isZero();
        assertThat(partitioner.endTokenInclusive(0)).isEqualTo(-1L);
        assertThat(partitioner.endTokenInclusive(1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void should_place_the_extreme_tokens_in_the_first_middle_and_last_partitions_of_65536() {
        Partitioner partitioner = new Partitioner(65536);

        assertThat(partitioner.partitionOf(Long.MIN_VALUE)).isZero();
        assertThat(partitioner.partitionOf(Long.MIN_VALUE + (1L << 48) - 1)).isZero();
        assertThat(partitioner.partitionOf(Long.MIN_VALUE + (1L << 48))).isEqualTo(1);
        assertThat(partitioner.partitionOf(-1L)).isEqualTo(32767);
        assertThat(partitioner.partitionOf(0L)).isEqualTo(32768);
        assertThat(partitioner.partitionOf(Long.MAX_VALUE)).isEqualTo(65535);
        assertThat(partitioner.startToken(32768)).isZero();
        assertThat(partitioner.startToken(65535)).isEqualTo(Long.MAX_VALUE - (1L << 48) + 1);
        assertThat(partitioner.endTokenInclusive(65535)).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 64, 4096, 65536, 1 << 20})
    void should_map_each_start_token_and_the_token_before_it_to_adjacent_partitions(int partitionCount) {
        Partitioner partitioner = new Partitioner(partitionCount);
        int stride = Math.max(1, partitionCount / 4096);
        for (int partition = 0; partition < partitionCount; partition += stride) {
            long start = partitioner.startToken(partition);

            assertThat(partitioner.partitionOf(start))
                    .as("start of %d", partition)
                    .isEqualTo(partition);
            assertThat(partitioner.partitionOf(partitioner.endTokenInclusive(partition)))
                    .isEqualTo(partition);
            if (partition > 0) {
                assertThat(partitioner.partitionOf(start - 1)).isEqualTo(partition - 1);
                assertThat(partitioner.endTokenInclusive(partition - 1)).isEqualTo(start - 1);
            }
        }
    }

    @Test
    void should_cover_equal_token_ranges() {
        Partitioner partitioner = new Partitioner(4096);

        for (int partition = 1; partition < 4096; partition++) {
            assertThat(partitioner.startToken(partition) - partitioner.startToken(partition - 1))
                    .isEqualTo(1L << 52);
        }
    }

    @Test
    void should_take_the_top_bits_of_the_unsigned_offset_from_min_value() {
        Partitioner partitioner = new Partitioner(1024);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long token = random.nextLong();
            int expected = (int) (Long.divideUnsigned(token - Long.MIN_VALUE, 1L << 54));

            assertThat(partitioner.partitionOf(token)).as("token %d", token).isEqualTo(expected);
        }
    }

    @Test
    void should_derive_a_keys_partition_from_its_murmur3_token() {
        Partitioner partitioner = new Partitioner(4096);
        byte[] key = "foo".getBytes(StandardCharsets.UTF_8);

        assertThat(partitioner.token(key)).isEqualTo(-2129773440516405919L);
        assertThat(partitioner.partitionForKey(key)).isEqualTo(partitioner.partitionOf(-2129773440516405919L));
        byte[] framed = "xxfooyy".getBytes(StandardCharsets.UTF_8);
        assertThat(partitioner.token(framed, 2, 3)).isEqualTo(partitioner.token(key));
    }

    @Test
    void should_reject_partitions_out_of_range() {
        Partitioner partitioner = new Partitioner(16);

        assertThatThrownBy(() -> partitioner.startToken(16)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> partitioner.startToken(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void should_be_equal_when_partition_counts_are() {
        assertThat(new Partitioner(64)).isEqualTo(new Partitioner(64)).hasSameHashCodeAs(new Partitioner(64));
        assertThat(new Partitioner(64)).isNotEqualTo(new Partitioner(128));
    }
}
