package io.ringkv.causal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden bytes that pin format version 1, plus the decoder's handling of specific malformed inputs. */
class SiblingSetCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final ActorId A = new ActorId("a", 1);
    private static final ActorId B = new ActorId("b", 0);

    /** {a#1: 2, b#0: 1} with siblings a#1:2 = "x" at 5 ms and a tombstone b#0:1 at 3 ms. */
    private static final SiblingSet SMALL = new SiblingSet(
            List.of(Version.of(new Dot(A, 2), "x".getBytes(UTF_8), 5L), Version.tombstone(new Dot(B, 1), 3L)),
            VersionVector.of(Map.of(A, 2L, B, 1L)));

    private static final String SMALL_HEX = "01" // format version
            + "02" // two actors
            + "01" + "61" + "01" + "02" // "a", incarnation 1, counter 2
            + "01" + "62" + "00" + "01" // "b", incarnation 0, counter 1
            + "02" // two versions
            + "00" + "02" + "00" + "0a" + "01" + "78" // actor 0, counter 2, live, wall 5 (zigzag 10), "x"
            + "01" + "01" + "01" + "06"; // actor 1, counter 1, tombstone, wall 3 (zigzag 6)

    @Test
    void should_encode_a_small_sibling_set_to_the_pinned_bytes() {
        assertThat(HEX.formatHex(SiblingSetCodec.encode(SMALL))).isEqualTo(SMALL_HEX);
        assertThat(SiblingSetCodec.decode(HEX.parseHex(SMALL_HEX))).isEqualTo(SMALL);
    }

    @Test
    void should_encode_multi_byte_varints_and_negative_wall_clocks_to_the_pinned_bytes() {
        ActorId first = new ActorId("node-1", 1_700_000_000_000L);
        ActorId second = new ActorId("node-2", 0);
        SiblingSet set = new SiblingSet(
                List.of(
                        Version.of(new Dot(first, 300), "hi".getBytes(UTF_8), 1_700_000_000_123L),
                        Version.tombstone(new Dot(second, 1), -1L)),
                VersionVector.of(Map.of(first, 300L, second, 1L)));
        String hex = "01" + "02"
                + "06" + "6e6f64652d31" + "80d095ffbc31" + "ac02"
                + "06" + "6e6f64652d32" + "00" + "01"
                + "02"
                + "00" + "ac02" + "00" + "f6a1abfef962" + "02" + "6869"
                + "01" + "01" + "01" + "01";

        assertThat(HEX.formatHex(SiblingSetCodec.encode(set))).isEqualTo(hex);
        assertThat(SiblingSetCodec.decode(HEX.parseHex(hex))).isEqualTo(set);
    }

    @Test
    void should_encode_the_empty_set_and_the_empty_context_to_the_pinned_bytes() {
        assertThat(HEX.formatHex(SiblingSetCodec.encode(SiblingSet.EMPTY))).isEqualTo("010000");
        assertThat(HEX.formatHex(SiblingSetCodec.encodeContext(VersionVector.EMPTY)))
                .isEqualTo("0100");
        assertThat(SiblingSetCodec.decode(HEX.parseHex("010000"))).isEqualTo(SiblingSet.EMPTY);
        assertThat(SiblingSetCodec.decodeContext(HEX.parseHex("0100"))).isEqualTo(VersionVector.EMPTY);
    }

    @Test
    void should_encode_a_context_as_its_actor_table() {
        String hex = "01" + "02" + "01610102" + "01620001";

        assertThat(HEX.formatHex(SiblingSetCodec.encodeContext(SMALL.context())))
                .isEqualTo(hex);
        assertThat(SiblingSetCodec.decodeContext(HEX.parseHex(hex))).isEqualTo(SMALL.context());
    }

    @Test
    void should_reject_unknown_format_versions_and_empty_input() {
        assertMalformed("");
        assertMalformed("000000");
        assertMalformed("020000");
        assertThatThrownBy(() -> SiblingSetCodec.decode(null)).isInstanceOf(MalformedCausalDataException.class);
        assertThatThrownBy(() -> SiblingSetCodec.decodeContext(HEX.parseHex("")))
                .isInstanceOf(MalformedCausalDataException.class);
    }

    @Test
    void should_reject_counts_and_lengths_larger_than_the_input() {
        assertMalformed("01ffffffff0f00"); // 2^32-1 actors in 2 bytes
        assertMalformed("0100ffffffffffffffffff01"); // 2^64-1 versions
        assertMalformed("01" + "01" + "016101" + "01" + "01" + "0001000aff7f78"); // value length 16383
        assertMalformed("01" + "01" + "0a61" + "0101"); // node id of 10 bytes, 1 present
    }

    @Test
    void should_reject_non_canonical_encodings() {
        assertMalformed("01" + "02" + "01620001" + "01610102" + "00"); // actors out of order
        assertMalformed("01" + "02" + "01610102" + "01610102" + "00"); // duplicate actor
        assertMalformed("01" + "01" + "016101" + "8000" + "00"); // overlong varint counter
        assertMalformed("01" + "01" + "01610100" + "00"); // zero counter in the table
        assertMalformed("01" + "00" + "00" + "00"); // trailing byte
        assertMalformed("01" + "01" + "01610102" + "02" + "0002000000" + "0001000000"); // versions unsorted
    }

    @Test
    void should_reject_versions_the_context_does_not_cover_or_that_point_outside_the_table() {
        assertMalformed("01" + "01" + "01610101" + "01" + "0002000000"); // dot a:2, context a:1
        assertMalformed("01" + "01" + "01610101" + "01" + "0101000000"); // actor index 1 of 1
        assertMalformed("01" + "01" + "01610101" + "01" + "0001020000"); // unknown flag
        assertMalformed("01" + "01" + "01610101" + "01" + "00010100" + "00"); // tombstone followed by a value
    }

    @Test
    void should_reject_invalid_utf8_node_ids() {
        assertMalformed("01" + "01" + "01ff0101" + "00");
    }

    @Test
    void should_reject_counters_that_overflow_a_signed_long() {
        assertMalformed("01" + "01" + "0161" + "01" + "ffffffffffffffffff01" + "00");
        assertMalformed("01" + "01" + "0161" + "01" + "ffffffffffffffffff02" + "00");
    }

    private static void assertMalformed(String hex) {
        byte[] bytes = HEX.parseHex(hex);
        assertThatThrownBy(() -> SiblingSetCodec.decode(bytes))
                .as(hex)
                .isInstanceOf(MalformedCausalDataException.class);
    }
}
