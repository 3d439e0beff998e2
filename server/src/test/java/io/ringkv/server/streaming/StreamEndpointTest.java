package io.ringkv.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.VersionVector;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.protocol.message.StreamChunk;
import io.ringkv.protocol.message.StreamEntry;
import io.ringkv.protocol.message.StreamRequest;
import io.ringkv.ring.Partitioner;
import io.ringkv.server.linearizable.Register;
import io.ringkv.server.linearizable.RegisterStore;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.memory.InMemoryStorageEngine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Both stores a node streams: sibling sets and LINEARIZABLE registers stay apart on the way through. */
class StreamEndpointTest {

    private static final Partitioner PARTITIONER = new Partitioner(8);
    private static final StorageKey KEY = storageKey("cart");

    private final Node source = new Node();
    private final Node gainer = new Node();

    @Test
    void should_stream_registers_and_sibling_sets_separately() {
        Register register = Register.value(new AbdTag(3, "w"), bytes("linearizable"));
        source.registers.writeIfNewer(KEY, register).join();
        source.store.apply(KEY, siblings("eventual")).join();

        StreamChunk registers = source.endpoint.read(new StreamRequest(KEY.partition(), new byte[0], 1 << 20, true));
        StreamChunk siblingSets = source.endpoint.read(new StreamRequest(KEY.partition(), new byte[0], 1 << 20));
        gainer.endpoint.apply(registers).join();
        gainer.endpoint.apply(siblingSets).join();

        assertThat(registers.registers()).isTrue();
        assertThat(registers.entries()).hasSize(1);
        assertThat(siblingSets.registers()).isFalse();
        assertThat(gainer.registers.read(KEY).join()).isEqualTo(register);
        assertThat(gainer.store.read(KEY)).isEqualTo(source.store.read(KEY));
    }

    @Test
    void should_keep_the_higher_tag_whatever_order_register_copies_arrive_in() {
        Register newer = Register.value(new AbdTag(5, "a"), bytes("new"));
        Node other = new Node();
        source.registers.writeIfNewer(KEY, newer).join();
        other.registers
                .writeIfNewer(KEY, Register.value(new AbdTag(4, "z"), bytes("old")))
                .join();

        gainer.endpoint.apply(registerChunk(source)).join();
        gainer.endpoint.apply(registerChunk(other)).join();

        assertThat(gainer.registers.read(KEY).join()).isEqualTo(newer);
    }

    @Test
    void should_fail_a_chunk_with_a_malformed_register_and_keep_what_is_stored() {
        Register stored = Register.value(new AbdTag(1, "w"), bytes("kept"));
        gainer.registers.writeIfNewer(KEY, stored).join();
        StreamChunk garbage = new StreamChunk(
                KEY.partition(),
                List.of(new StreamEntry(KEY.key(), KEY.token(), new byte[] {9, 9, 9})),
                KEY.encode(),
                true,
                true);

        assertThatThrownBy(() -> gainer.endpoint.apply(garbage).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be decoded");
        assertThat(gainer.registers.read(KEY).join()).isEqualTo(stored);
    }

    @Test
    void should_fail_a_chunk_with_a_malformed_sibling_set_without_throwing_on_the_caller() {
        StreamChunk garbage = new StreamChunk(
                KEY.partition(), List.of(new StreamEntry(KEY.key(), KEY.token(), new byte[] {1})), KEY.encode(), true);

        assertThat(gainer.endpoint.apply(garbage)).isCompletedExceptionally();
    }

    private static StreamChunk registerChunk(Node node) {
        return node.endpoint.read(new StreamRequest(KEY.partition(), new byte[0], 1 << 20, true));
    }

    private static SiblingSet siblings(String value) {
        return SiblingSets.write(SiblingSet.EMPTY, VersionVector.EMPTY, new ActorId("n1", 1), bytes(value), false, 0);
    }

    private static StorageKey storageKey(String key) {
        byte[] bytes = bytes(key);
        long token = PARTITIONER.token(bytes);
        return new StorageKey(PARTITIONER.partitionOf(token), token, bytes);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One node's two stores behind its endpoint, storage work run on the calling thread. */
    private static final class Node {
        final ReplicaStore store = new ReplicaStore(new InMemoryStorageEngine());
        final RegisterStore registers = new RegisterStore(new InMemoryStorageEngine());
        final StreamEndpoint endpoint = new StreamEndpoint(store, registers, Runnable::run, new StreamingCounters());
    }
}
