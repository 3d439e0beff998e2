package io.ringkv.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.NodeStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRecordsTest {

    @Test
    void should_compare_byte_array_fields_by_content() {
        PutRequest first = new PutRequest(new byte[] {1, 2}, new byte[] {3}, new byte[0], 2, Consistency.STRICT, 10);
        PutRequest same = new PutRequest(new byte[] {1, 2}, new byte[] {3}, new byte[0], 2, Consistency.STRICT, 10);
        PutRequest otherValue =
                new PutRequest(new byte[] {1, 2}, new byte[] {4}, new byte[0], 2, Consistency.STRICT, 10);

        assertThat(first).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(otherValue);
        assertThat(new RingAssignment(1, "n", 2, 3, List.of("a"), new int[] {0, 0}, new int[0]))
                .isEqualTo(new RingAssignment(1, "n", 2, 3, List.of("a"), new int[] {0, 0}, new int[0]));
    }

    @Test
    void should_describe_byte_arrays_by_length_and_first_bytes_in_to_string() {
        ReplicaReadReply reply = new ReplicaReadReply(new byte[] {0x0a, (byte) 0xff});

        assertThat(reply.toString()).isEqualTo("ReplicaReadReply[siblingSet=<2 bytes 0aff>]");
        assertThat(new ReplicaReadReply(new byte[40]).toString())
                .contains("<40 bytes 00000000000000000000000000000000…>");
    }

    @Test
    void should_refuse_values_that_do_not_fit_their_wire_width() {
        assertThatThrownBy(() -> new GetRequest(new byte[1], 256, Consistency.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r must be in [0, 255]");
        assertThatThrownBy(() -> new GetRequest(new byte[1], 1, Consistency.DEFAULT, 0x1_0000_0000L))
                .hasMessageContaining("timeoutMillis");
        assertThatThrownBy(() -> new NodeEntry("n", "h", 70_000, 1, "", NodeStatus.NORMAL, true))
                .hasMessageContaining("binaryPort");
        assertThatThrownBy(() -> new ReplicaReadRequest(new byte[1], -1, 0)).hasMessageContaining("partition");
        assertThatThrownBy(() -> new RingSnapshotReply(1, 4, 3, List.of(), new int[] {0, 65_536}))
                .hasMessageContaining("owners[1]");
        assertThatThrownBy(() -> new MerkleRequest(0, 3, new int[] {-5})).hasMessageContaining("nodeIndexes[0]");
    }

    @Test
    void should_refuse_null_fields_except_the_documented_optional_ones() {
        assertThatThrownBy(() -> new PutReply(null, "n")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Envelope(1, 1, null, null)).isInstanceOf(NullPointerException.class);
        assertThat(new GossipAck2(List.of(), null).ring()).isNull();
        assertThat(new Envelope(1, 1, null, PingRequest.INSTANCE).traceContext())
                .isSameAs(TraceContext.EMPTY);
    }

    @Test
    void should_copy_lists_so_later_changes_to_the_argument_do_not_leak_in() {
        List<ReplicaError> errors = new ArrayList<>(List.of(new ReplicaError("n1", ErrorCode.TIMEOUT, "")));
        ErrorReply reply = new ErrorReply(ErrorCode.TIMEOUT, "quorum", false, 1, 2, errors);

        errors.add(new ReplicaError("n2", ErrorCode.TIMEOUT, ""));

        assertThat(reply.replicaErrors()).hasSize(1);
        assertThatThrownBy(() -> reply.replicaErrors().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_order_abd_tags_by_counter_then_writer() {
        AbdTag low = new AbdTag(1, "node-b");
        AbdTag sameCounterHigherWriter = new AbdTag(1, "node-c");
        AbdTag higherCounter = new AbdTag(2, "node-a");

        assertThat(List.of(higherCounter, sameCounterHigherWriter, low).stream()
                        .sorted()
                        .toList())
                .containsExactly(low, sameCounterHigherWriter, higherCounter);
        assertThat(AbdTag.ZERO).isLessThan(low);
        assertThat(low.next("node-a")).isEqualTo(new AbdTag(2, "node-a")).isGreaterThan(sameCounterHigherWriter);
    }

    @Test
    void should_build_a_reply_envelope_with_the_request_id_and_trace_of_the_request() {
        TraceContext trace = new TraceContext("00-abc-def-01", "");
        Envelope request = new Envelope(99, 3, trace, PingRequest.INSTANCE);

        Envelope reply = request.reply(5, new PingReply("node-1"));

        assertThat(reply).isEqualTo(new Envelope(99, 5, trace, new PingReply("node-1")));
    }

    @Test
    void should_offer_an_error_reply_without_quorum_detail() {
        assertThat(ErrorReply.of(ErrorCode.OVERLOADED, "busy", true))
                .isEqualTo(new ErrorReply(ErrorCode.OVERLOADED, "busy", true, 0, 0, List.of()));
    }

    @Test
    void should_report_its_own_kind_for_every_record() {
        for (MessageKind kind : MessageKind.values()) {
            assertThat(kind.recordType().getSimpleName()).as("%s", kind).isEqualTo(toCamelCase(kind.name()));
        }
        assertThat(new GetRequest(new byte[0], 0, Consistency.DEFAULT, 0).kind())
                .isEqualTo(MessageKind.GET_REQUEST);
        assertThat(AbdWriteReply.INSTANCE.kind()).isEqualTo(MessageKind.ABD_WRITE_REPLY);
    }

    private static String toCamelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String part : constant.split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return name.toString();
    }
}
