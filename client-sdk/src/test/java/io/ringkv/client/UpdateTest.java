package io.ringkv.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.client.error.ConnectionLostException;
import io.ringkv.client.error.InvalidContextException;
import io.ringkv.client.testing.FakeCluster;
import io.ringkv.client.testing.FakeExchange;
import io.ringkv.client.testing.FakeNode;
import io.ringkv.client.testing.Responder;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.ClientSibling;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.PutRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpdateTest {

    private static final String KEY = "cart";
    private static final byte[] KEY_BYTES = KEY.getBytes(StandardCharsets.UTF_8);

    /** Items are comma-separated; the merge is the union. */
    private static final SiblingResolver<byte[]> UNION = siblings -> {
        TreeSet<String> items = new TreeSet<>();
        for (Sibling sibling : siblings) {
            items.addAll(items(sibling.value()));
        }
        return String.join(",", items).getBytes(StandardCharsets.UTF_8);
    };

    private final FakeCluster cluster = FakeCluster.start(3);
    private final FakeNode coordinator = cluster.node(cluster.replicasOf(KEY).get(0));

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void should_merge_siblings_apply_the_change_and_write_back_with_the_read_context() {
        cluster.store().putSiblings(KEY_BYTES, List.of(sibling("apple", 1), sibling("pear", 2)));
        try (RingKvClient client = cluster.client()) {
            GetResult before = client.blocking().get(KEY);
            assertThat(before.hasConflict()).isTrue();

            client.blocking().update(KEY, UNION, value -> add(value, "plum"), WriteOptions.DEFAULT);

            PutRequest written = coordinator.received(PutRequest.class).get(0);
            assertThat(new String(written.value(), StandardCharsets.UTF_8)).isEqualTo("apple,pear,plum");
            assertThat(written.context()).isEqualTo(before.context().toBytes());
            GetResult after = client.blocking().get(KEY);
            assertThat(after.hasConflict()).isFalse();
            assertThat(after.valueAsString()).isEqualTo("apple,pear,plum");
        }
    }

    @Test
    void should_start_from_null_when_the_key_is_absent() {
        try (RingKvClient client = cluster.client()) {
            client.blocking().update(KEY, UNION, value -> add(value, "fig"), WriteOptions.DEFAULT);

            assertThat(client.blocking().get(KEY).valueAsString()).isEqualTo("fig");
        }
    }

    @Test
    void should_read_again_and_retry_when_the_write_was_definitely_rejected() {
        AtomicInteger puts = new AtomicInteger();
        Responder rejectFirstPuts = exchange -> {
            if (exchange.body() instanceof PutRequest && puts.incrementAndGet() <= 3) {
                exchange.reply(ErrorReply.of(ErrorCode.UNAVAILABLE, "strict quorum not reachable", true));
            } else {
                exchange.reply(exchange.defaultReply());
            }
        };
        cluster.nodes().forEach(node -> node.respondWith(rejectFirstPuts));
        cluster.store().putSiblings(KEY_BYTES, List.of(sibling("apple", 1)));
        try (RingKvClient client = cluster.client()) {
            PutResult written = client.blocking().update(KEY, UNION, value -> add(value, "kiwi"), WriteOptions.DEFAULT);

            assertThat(written.coordinator()).isEqualTo(coordinator.nodeId());
            assertThat(client.blocking().get(KEY).valueAsString()).isEqualTo("apple,kiwi");
        }
        // Round 1 tried all three replicas; round 2 succeeded on the first.
        assertThat(puts.get()).isEqualTo(4);
    }

    @Test
    void should_not_retry_a_write_with_an_unknown_outcome() {
        AtomicInteger puts = new AtomicInteger();
        coordinator.respondWith(exchange -> {
            if (exchange.body() instanceof PutRequest) {
                puts.incrementAndGet();
                exchange.closeConnection();
            } else {
                exchange.reply(exchange.defaultReply());
            }
        });
        try (RingKvClient client = cluster.client()) {
            assertThatThrownBy(
                            () -> client.blocking().update(KEY, UNION, value -> add(value, "x"), WriteOptions.DEFAULT))
                    .isInstanceOf(ConnectionLostException.class);
        }
        assertThat(puts.get()).isEqualTo(1);
    }

    @Test
    void should_not_retry_a_request_that_can_never_succeed() {
        cluster.nodes()
                .forEach(node -> node.respondWith(exchange -> {
                    if (exchange.body() instanceof PutRequest) {
                        exchange.reply(ErrorReply.of(ErrorCode.INVALID_CONTEXT, "garbled", true));
                    } else {
                        exchange.reply(exchange.defaultReply());
                    }
                }));
        try (RingKvClient client = cluster.client()) {
            assertThatThrownBy(
                            () -> client.blocking().update(KEY, UNION, value -> add(value, "x"), WriteOptions.DEFAULT))
                    .isInstanceOf(InvalidContextException.class);
        }
        assertThat(coordinator.received(PutRequest.class)).hasSize(1);
    }

    @Test
    void should_resolve_siblings_on_read() {
        cluster.store().putSiblings(KEY_BYTES, List.of(sibling("b", 20), sibling("a", 10)));
        try (RingKvClient client = cluster.client()) {
            Resolved<byte[]> union = client.blocking().getResolved(KEY, UNION);
            Resolved<byte[]> latest = client.blocking().getResolved(KEY, SiblingResolvers.lastWriteWins());
            Resolved<byte[]> absent = client.blocking().getResolved("nothing", UNION);

            assertThat(new String(union.value(), StandardCharsets.UTF_8)).isEqualTo("a,b");
            assertThat(union.siblingCount()).isEqualTo(2);
            assertThat(new String(latest.value(), StandardCharsets.UTF_8)).isEqualTo("b");
            assertThat(absent.found()).isFalse();
            assertThat(absent.optionalValue()).isEmpty();
        }
    }

    @Test
    void should_keep_the_context_of_a_deleted_key() {
        coordinator.respondWith(exchange -> replyDeleted(exchange));
        try (RingKvClient client = cluster.client()) {
            GetResult read = client.blocking().get(KEY);

            assertThat(read.found()).isFalse();
            assertThat(read.siblings()).isEmpty();
            assertThat(read.context().toBytes()).containsExactly(9, 9);
        }
    }

    private static void replyDeleted(FakeExchange exchange) {
        exchange.reply(new GetReply(
                false, List.of(), new byte[] {9, 9}, exchange.node().nodeId()));
    }

    private static ClientSibling sibling(String value, long writtenAt) {
        return new ClientSibling(value.getBytes(StandardCharsets.UTF_8), writtenAt);
    }

    private static List<String> items(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    private static byte[] add(byte[] value, String item) {
        TreeSet<String> items = new TreeSet<>(value == null ? List.of() : items(value));
        items.add(item);
        return String.join(",", items).getBytes(StandardCharsets.UTF_8);
    }
}
