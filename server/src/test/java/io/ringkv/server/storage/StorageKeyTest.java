package io.ringkv.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StorageKeyTest {

    private static final Comparator<StorageKey> LOGICAL_ORDER = Comparator.comparingInt(StorageKey::partition)
            .thenComparingLong(StorageKey::token)
            .thenComparing(StorageKey::key, UnsignedBytes.COMPARATOR);

    @Test
    void should_lay_out_partition_then_sign_flipped_token_then_key_big_endian() {
        StorageKey key = new StorageKey(0x01020304, -1L, new byte[] {(byte) 0xab});

        assertThat(key.encode()).containsExactly(1, 2, 3, 4, 0x7f, -1, -1, -1, -1, -1, -1, -1, (byte) 0xab);
        assertThat(new StorageKey(0, Long.MIN_VALUE, new byte[0]).encode()).containsOnly(0);
    }

    @Test
    void should_decode_what_it_encodes_for_random_keys() {
        for (long seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            StorageKey key = randomKey(random);

            assertThat(StorageKey.decode(key.encode())).as("seed %d", seed).isEqualTo(key);
        }
    }

    @Test
    void should_order_encodings_as_partition_then_signed_token_then_unsigned_key() {
        for (long seed = 0; seed < 2_000; seed++) {
            Random random = new Random(seed);
            StorageKey left = randomKey(random);
            StorageKey right = random.nextBoolean() ? randomKey(random) : sameTokenDifferentKey(left, random);

            int logical = Integer.signum(LOGICAL_ORDER.compare(left, right));
            int encoded = Integer.signum(UnsignedBytes.compare(left.encode(), right.encode()));

            assertThat(encoded).as("seed %d: %s vs %s", seed, left, right).isEqualTo(logical);
        }
    }

    @Test
    void should_refuse_negative_partitions_and_short_encodings() {
        assertThatThrownBy(() -> new StorageKey(-1, 0L, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageKey.decode(new byte[11]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 12 bytes");
        byte[] negativePartition = new StorageKey(1, 0L, new byte[0]).encode();
        negativePartition[0] = (byte) 0x80;
        assertThatThrownBy(() -> StorageKey.decode(negativePartition)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_compare_by_content_and_print_readable_keys() {
        StorageKey key = new StorageKey(3, 9L, new byte[] {'c', 'a', 't'});

        assertThat(key)
                .isEqualTo(new StorageKey(3, 9L, new byte[] {'c', 'a', 't'}))
                .hasSameHashCodeAs(new StorageKey(3, 9L, new byte[] {'c', 'a', 't'}));
        assertThat(key).isNotEqualTo(new StorageKey(3, 9L, new byte[] {'c', 'a', 'r'}));
        assertThat(key.toString()).contains("\"cat\"");
        assertThat(new StorageKey(3, 9L, new byte[] {0, (byte) 0xff}).toString())
                .contains("0x00ff");
    }

    @Test
    void should_bound_the_last_int_partition_correctly_in_unsigned_order() {
        ScanRange range = ScanRange.partition(Integer.MAX_VALUE);

        assertThat(range.contains(new StorageKey(Integer.MAX_VALUE, Long.MAX_VALUE, new byte[] {-1}).encode()))
                .isTrue();
        assertThat(range.contains(new StorageKey(Integer.MAX_VALUE - 1, Long.MAX_VALUE, new byte[0]).encode()))
                .isFalse();
    }

    private static StorageKey randomKey(Random random) {
        int partition = random.nextInt(4) == 0 ? random.nextInt(Integer.MAX_VALUE) : random.nextInt(8);
        long token = switch (random.nextInt(4)) {
            case 0 -> Long.MIN_VALUE + random.nextInt(3);
            case 1 -> Long.MAX_VALUE - random.nextInt(3);
            case 2 -> random.nextInt(5) - 2;
            default -> random.nextLong();
        };
        byte[] key = new byte[random.nextInt(5)];
        random.nextBytes(key);
        return new StorageKey(partition, token, key);
    }

    private static StorageKey sameTokenDifferentKey(StorageKey base, Random random) {
        byte[] key = new byte[random.nextInt(5)];
        random.nextBytes(key);
        return new StorageKey(base.partition(), base.token(), key);
    }
}
