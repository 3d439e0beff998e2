package io.ringkv.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded randomized round trips and fuzzing: decoding bad bytes only ever throws the typed exception. */
class SiblingSetCodecPropertyTest {

    private static final int HISTORIES = 200;
    private static final int SETS_PER_HISTORY = 10;

    @Test
    void should_round_trip_random_sibling_sets_and_contexts() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            Random random = new Random(seed);
            RandomHistory history = new RandomHistory(random).run(60, true, false);
            for (int i = 0; i < SETS_PER_HISTORY; i++) {
                SiblingSet set = history.randomObservedState();
                byte[] encoded = SiblingSetCodec.encode(set);
                assertThat(encoded[0]).isEqualTo(SiblingSetCodec.FORMAT_VERSION);
                assertThat(SiblingSetCodec.decode(encoded)).as("seed %d", seed).isEqualTo(set);
                assertThat(SiblingSetCodec.encode(SiblingSetCodec.decode(encoded)))
                        .as("seed %d", seed)
                        .isEqualTo(encoded);
                VersionVector context = history.randomObservedContext();
                assertThat(SiblingSetCodec.decodeContext(SiblingSetCodec.encodeContext(context)))
                        .as("seed %d", seed)
                        .isEqualTo(context);
            }
        }
    }

    @Test
    void should_encode_equal_sets_to_equal_bytes_whatever_the_merge_order() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            RandomHistory history = new RandomHistory(new Random(seed)).run(60, true, false);
            SiblingSet a = history.randomObservedState();
            SiblingSet b = history.randomObservedState();
            assertThat(SiblingSetCodec.encode(SiblingSets.merge(a, b)))
                    .as("seed %d", seed)
                    .isEqualTo(SiblingSetCodec.encode(SiblingSets.merge(b, a)));
        }
    }

    @Test
    void should_only_throw_malformed_causal_data_for_truncated_and_bit_flipped_input() {
        int cases = 0;
        for (long seed = 1; seed <= HISTORIES; seed++) {
            Random random = new Random(seed);
            RandomHistory history = new RandomHistory(random).run(40, true, false);
            byte[] encoded = SiblingSetCodec.encode(history.randomObservedState());
            byte[] context = SiblingSetCodec.encodeContext(history.randomObservedContext());
            for (int length = 0; length < encoded.length; length++) {
                assertRejected(Arrays.copyOf(encoded, length), seed);
                cases++;
            }
            for (int length = 0; length < context.length; length++) {
                assertRejectedContext(Arrays.copyOf(context, length), seed);
                cases++;
            }
            for (int flip = 0; flip < 20; flip++) {
                byte[] corrupted = encoded.clone();
                int position = random.nextInt(corrupted.length);
                corrupted[position] ^= (byte) (1 << random.nextInt(8));
                assertDecodesOrRejects(corrupted, seed);
                byte[] corruptedContext = context.clone();
                corruptedContext[random.nextInt(corruptedContext.length)] ^= (byte) (1 << random.nextInt(8));
                assertContextDecodesOrRejects(corruptedContext, seed);
                cases += 2;
            }
        }
        assertThat(cases).isGreaterThan(5_000);
    }

    @Test
    void should_only_throw_malformed_causal_data_for_random_bytes() {
        for (long seed = 1; seed <= 5_000; seed++) {
            Random random = new Random(seed);
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = SiblingSetCodec.FORMAT_VERSION;
            }
            assertDecodesOrRejects(bytes, seed);
            assertContextDecodesOrRejects(bytes, seed);
        }
    }

    private static void assertRejected(byte[] bytes, long seed) {
        assertThat(catchThrowable(() -> SiblingSetCodec.decode(bytes)))
                .as("seed %d, truncated to %d bytes", seed, bytes.length)
                .isInstanceOf(MalformedCausalDataException.class);
    }

    private static void assertRejectedContext(byte[] bytes, long seed) {
        assertThat(catchThrowable(() -> SiblingSetCodec.decodeContext(bytes)))
                .as("seed %d, truncated to %d bytes", seed, bytes.length)
                .isInstanceOf(MalformedCausalDataException.class);
    }

    /** Corrupt input may happen to be another valid encoding; then it must re-encode to the same bytes. */
    private static void assertDecodesOrRejects(byte[] bytes, long seed) {
        Throwable thrown = catchThrowable(() -> assertThat(SiblingSetCodec.encode(SiblingSetCodec.decode(bytes)))
                .isEqualTo(bytes));
        if (thrown != null) {
            assertThat(thrown).as("seed %d", seed).isInstanceOf(MalformedCausalDataException.class);
        }
    }

    private static void assertContextDecodesOrRejects(byte[] bytes, long seed) {
        Throwable thrown =
                catchThrowable(() -> assertThat(SiblingSetCodec.encodeContext(SiblingSetCodec.decodeContext(bytes)))
                        .isEqualTo(bytes));
        if (thrown != null) {
            assertThat(thrown).as("seed %d", seed).isInstanceOf(MalformedCausalDataException.class);
        }
    }
}
