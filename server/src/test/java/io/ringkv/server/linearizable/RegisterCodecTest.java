package io.ringkv.server.linearizable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.message.AbdTag;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegisterCodecTest {

    @Test
    void should_round_trip_random_registers() {
        long seed = 77L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 500; i++) {
            AbdTag tag =
                    new AbdTag(random.nextLong(Long.MAX_VALUE), "n" + random.nextInt(100) + "/" + random.nextLong());
            Register register;
            if (random.nextInt(4) == 0) {
                register = Register.tombstone(tag);
            } else {
                byte[] value = new byte[random.nextInt(64)];
                random.nextBytes(value);
                register = Register.value(tag, value);
            }

            assertThat(RegisterCodec.decode(RegisterCodec.encode(register)))
                    .as("seed %d, register %d", seed, i)
                    .isEqualTo(register);
        }
    }

    @Test
    void should_pin_the_stored_layout() {
        byte[] encoded = RegisterCodec.encode(Register.value(new AbdTag(2, "n1"), new byte[] {(byte) 0xAB}));

        assertThat(HexFormat.of().formatHex(encoded))
                .isEqualTo("01" + "0000000000000002" + "0002" + "6e31" + "00" + "00000001" + "ab");
        assertThat(RegisterCodec.encode(Register.tombstone(new AbdTag(1, "n1")))[13])
                .isEqualTo((byte) 1);
    }

    @Test
    void should_reject_truncated_or_foreign_bytes() {
        byte[] encoded = RegisterCodec.encode(Register.value(new AbdTag(9, "n2/5"), new byte[] {1, 2, 3}));

        for (int length = 0; length < encoded.length; length++) {
            byte[] truncated = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> RegisterCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] otherFormat = encoded.clone();
        otherFormat[0] = 2;
        assertThatThrownBy(() -> RegisterCodec.decode(otherFormat)).hasMessageContaining("format");
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> RegisterCodec.decode(trailing)).hasMessageContaining("value length");
    }
}
