package io.ringkv.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur3Test {

    /**
     * SMHasher's check: hash keys {0}, {0,1}, ..., {0..254} (and the empty key) with seed 256 - length,
     * hash the concatenated digests with seed 0, and read the first four bytes little-endian.
     */
    @Test
    void should_match_the_smhasher_verification_value() {
        byte[] key = new byte[256];
        ByteBuffer digests = ByteBuffer.allocate(256 * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int length = 0; length < 256; length++) {
            key[length] = (byte) length;
            long[] digest = Murmur3.hash128(key, 0, length, 256 - length);
            digests.putLong(digest[0]).putLong(digest[1]);
        }
        long[] result = Murmur3.hash128(digests.array(), 0, digests.capacity(), 0);

        int verification = (int) result[0];
        assertThat(Integer.toHexString(verification)).isEqualTo(Integer.toHexString(0x6384BA69));
    }

    /** Known digests published with Guava's and Python mmh3's test suites. */
    @ParameterizedTest(name = "\"{0}\" seed {1}")
    @CsvSource({
        "hell,                                        0, 0x629942693e10f867, 0x92db0b82baeb5347",
        "hello,                                       1, 0xa78ddff5adae8d10, 0x128900ef20900135",
        "'hello ',                                    2, 0x8a486b23f422e826, 0xf962a2c58947765f",
        "hello w,                                     3, 0x2ea59f466f6bed8c, 0xc610990acc428a17",
        "hello wo,                                    4, 0x79f6305a386c572c, 0x46305aed3483b94e",
        "hello wor,                                   5, 0xc2219d213ec1f1b5, 0xa1d8e2e0a52785bd",
        "The quick brown fox jumps over the lazy dog, 0, 0xe34bbc7bbc071b6c, 0x7a433ca9c49a9347",
        "The quick brown fox jumps over the lazy cog, 0, 0x658ca970ff85269a, 0x43fee3eaa68e5c3e",
        "foo,                                         0, 0xe271865701f54561, 0x7eaf87e42bba7d87",
    })
    void should_match_published_digests(String input, long seed, String expectedH1, String expectedH2) {
        long[] digest = Murmur3.hash128(ascii(input), 0, input.length(), seed);

        assertThat(digest).containsExactly(parseHex(expectedH1), parseHex(expectedH2));
    }

    @Test
    void should_match_mmh3_signed_words_and_bytes_for_foo() {
        byte[] foo = ascii("foo");
        long[] digest = Murmur3.hash128(foo);

        assertThat(digest).containsExactly(-2129773440516405919L, 9128664383759220103L);
        byte[] asBytes = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(digest[0])
                .putLong(digest[1])
                .array();
        assertThat(asBytes).isEqualTo(new byte[] {
            'a',
            'E',
            (byte) 0xf5,
            0x01,
            'W',
            (byte) 0x86,
            'q',
            (byte) 0xe2,
            (byte) 0x87,
            '}',
            (byte) 0xba,
            '+',
            (byte) 0xe4,
            (byte) 0x87,
            (byte) 0xaf,
            '~'
        });
    }

    @Test
    void should_widen_a_32_bit_reference_seed_with_zeros() {
        String fox = "The quick brown fox jumps over the lazy dog";

        long[] digest = Murmur3.hash128(ascii(fox), 0, fox.length(), 0x9747B28CL);

        assertThat(digest).containsExactly(8325606756057297185L, -484854449282476315L);
    }

    @Test
    void should_hash_the_empty_input_to_zero_with_seed_zero() {
        assertThat(Murmur3.hash128(new byte[0])).containsExactly(0L, 0L);
    }

    @Test
    void should_hash_a_slice_like_a_copy_of_it_for_every_tail_length() {
        SplittableRandom random = new SplittableRandom(42);
        byte[] buffer = new byte[80];
        random.nextBytes(buffer);
        for (int offset = 0; offset < 7; offset++) {
            for (int length = 0; length <= 64; length++) {
                byte[] copy = Arrays.copyOfRange(buffer, offset, offset + length);

                assertThat(Murmur3.hash128(buffer, offset, length, 7))
                        .as("offset %d length %d", offset, length)
                        .containsExactly(Murmur3.hash128(copy, 0, length, 7));
                assertThat(Murmur3.firstWord(buffer, offset, length)).isEqualTo(Murmur3.hash128(copy)[0]);
            }
        }
    }

    @Test
    void should_reject_a_slice_outside_the_array() {
        assertThatThrownBy(() -> Murmur3.hash128(new byte[4], 2, 3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Murmur3.firstWord(new byte[4], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static long parseHex(String hex) {
        return Long.parseUnsignedLong(hex.substring(2), 16);
    }
}
