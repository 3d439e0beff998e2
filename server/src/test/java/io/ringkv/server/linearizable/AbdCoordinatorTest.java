package io.ringkv.server.linearizable;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AbdTag;
import io.ringkv.server.coordinator.RequestFailedException;
import io.ringkv.server.linearizable.FakeRegisterReplicas.Behaviour;
import io.ringkv.server.storage.StorageKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AbdCoordinatorTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final StorageKey KEY = new StorageKey(1, 7L, bytes("k"));
    private static final RegisterRequest REQUEST = new RegisterRequest(KEY, NODES, 1_000);
    /** While a transition that hands n3's place to n4 is pending: current [n1, n2, n3], next [n1, n2, n4]. */
    private static final List<String> NEXT = List.of("n1", "n2", "n4");

    private static final RegisterRequest DURING_TRANSITION = new RegisterRequest(KEY, NODES, NEXT, 1_000);

    private final FakeRegisterReplicas replicas = new FakeRegisterReplicas(List.of("n1", "n2", "n3", "n4"));
    private final FakeClusterView cluster = new FakeClusterView(null);
    private final ManualTimeoutScheduler timeouts = new ManualTimeoutScheduler();
    private final AbdCoordinator coordinator = coordinator("n1/1");

    @Test
    void should_answer_a_write_once_a_majority_acknowledged_it_without_waiting_for_the_rest() {
        replicas.onWrite("n3", Behaviour.NEVER);

        AbdTag tag = join(coordinator.write(REQUEST, bytes("v1"), false));

        assertThat(tag).isEqualTo(new AbdTag(1, "n1/1"));
        assertThat(replicas.registerOf("n1")).isEqualTo(Register.value(tag, bytes("v1")));
        assertThat(replicas.registerOf("n2")).isEqualTo(Register.value(tag, bytes("v1")));
        assertThat(replicas.registerOf("n3")).isEqualTo(Register.ABSENT);
    }

    @Test
    void should_give_a_write_a_tag_above_the_highest_a_majority_reported() {
        replicas.holding("n1", Register.value(new AbdTag(4, "n2/1"), bytes("old")))
                .holding("n2", Register.value(new AbdTag(9, "n3/1"), bytes("newer")))
                .onQuery("n3", Behaviour.NEVER);

        AbdTag tag = join(coordinator.write(REQUEST, bytes("v"), false));

        assertThat(tag).isEqualTo(new AbdTag(10, "n1/1"));
    }

    @Test
    void should_read_the_value_with_the_highest_tag_among_a_majority() {
        replicas.holding("n1", Register.value(new AbdTag(2, "n1/1"), bytes("old")))
                .holding("n2", Register.value(new AbdTag(3, "n1/1"), bytes("new")))
                .onQuery("n3", Behaviour.NEVER);

        Register read = join(coordinator.read(REQUEST));

        assertThat(read).isEqualTo(Register.value(new AbdTag(3, "n1/1"), bytes("new")));
    }

    @Test
    void should_break_a_counter_tie_by_the_writer_id() {
        replicas.holding("n1", Register.value(new AbdTag(5, "n1/1"), bytes("from n1")))
                .holding("n2", Register.value(new AbdTag(5, "n2/1"), bytes("from n2")))
                .onQuery("n3", Behaviour.NEVER);

        Register read = join(coordinator.read(REQUEST));

        assertThat(read.value()).isEqualTo(bytes("from n2"));
        assertThat(new AbdTag(5, "n2/1")).isGreaterThan(new AbdTag(5, "n1/1"));
    }

    @Test
    void should_write_the_read_value_back_to_a_majority_before_answering() {
        AbdTag newest = new AbdTag(2, "n2/1");
        replicas.holding("n1", Register.value(newest, bytes("new")))
                .holding("n2", Register.value(new AbdTag(1, "n2/1"), bytes("old")))
                .onQuery("n3", Behaviour.NEVER)
                .onWrite("n2", Behaviour.HOLD)
                .onWrite("n3", Behaviour.NEVER);

        CompletableFuture<Register> read = coordinator.read(REQUEST).toCompletableFuture();

        assertThat(read).isNotDone();
        assertThat(replicas.writesSent()).containsExactlyInAnyOrder("n2", "n3");
        replicas.release("n2");
        assertThat(read).isCompletedWithValue(Register.value(newest, bytes("new")));
        assertThat(replicas.registerOf("n2").tag()).isEqualTo(newest);
    }

    @Test
    void should_not_write_back_when_a_majority_already_reported_the_highest_tag() {
        Register current = Register.value(new AbdTag(3, "n3/1"), bytes("v"));
        replicas.holding("n1", current).holding("n2", current).onQuery("n3", Behaviour.NEVER);

        Register read = join(coordinator.read(REQUEST));

        assertThat(read).isEqualTo(current);
        assertThat(replicas.writesSent()).isEmpty();
    }

    @Test
    void should_read_a_tombstone_as_absent_and_write_it_back_as_a_tombstone() {
        AbdTag deleted = new AbdTag(4, "n1/1");
        replicas.holding("n1", Register.tombstone(deleted))
                .holding("n2", Register.value(new AbdTag(3, "n1/1"), bytes("before delete")))
                .onQuery("n3", Behaviour.NEVER);

        Register read = join(coordinator.read(REQUEST));

        assertThat(read.present()).isFalse();
        assertThat(replicas.registerOf("n2")).isEqualTo(Register.tombstone(deleted));
    }

    @Test
    void should_fail_unavailable_and_send_nothing_when_only_a_minority_is_alive() {
        cluster.markDown("n2", "n3");

        RequestFailedException failure = failure(coordinator.write(REQUEST, bytes("v"), false));

        assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(failure.definite()).isTrue();
        assertThat(replicas.queriesSent()).isEmpty();
        assertThat(replicas.writesSent()).isEmpty();
        assertThat(timeouts.pendingCount()).isZero();
    }

    @Test
    void should_run_with_a_bare_majority_alive() {
        cluster.markDown("n3");

        join(coordinator.write(REQUEST, bytes("v"), false));

        assertThat(replicas.queriesSent()).containsExactlyInAnyOrder("n1", "n2");
        assertThat(replicas.writesSent()).containsExactlyInAnyOrder("n1", "n2");
    }

    @Test
    void should_time_out_with_an_unknown_outcome_when_the_write_phase_misses_its_deadline() {
        replicas.onWrite("n2", Behaviour.NEVER).onWrite("n3", Behaviour.NEVER);

        CompletableFuture<AbdTag> write =
                coordinator.write(REQUEST, bytes("v"), false).toCompletableFuture();
        assertThat(write).isNotDone();
        timeouts.fireAll();

        RequestFailedException failure = failure(write);
        assertTimedOut(failure, false, 1, 2);
        // The write did land on n1: a later read may well return it, which is why it is not definite.
        assertThat(replicas.registerOf("n1").present()).isTrue();
    }

    @Test
    void should_time_out_definitely_when_the_query_phase_misses_its_deadline() {
        replicas.onQuery("n2", Behaviour.NEVER).onQuery("n3", Behaviour.NEVER);

        CompletableFuture<AbdTag> write =
                coordinator.write(REQUEST, bytes("v"), false).toCompletableFuture();
        timeouts.fireAll();

        RequestFailedException failure = failure(write);
        assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(failure.definite()).isTrue();
        assertThat(replicas.writesSent()).isEmpty();
    }

    @Test
    void should_never_start_the_write_phase_after_the_deadline() {
        replicas.onQuery("n2", Behaviour.HOLD).onQuery("n3", Behaviour.NEVER);

        CompletableFuture<AbdTag> write =
                coordinator.write(REQUEST, bytes("v"), false).toCompletableFuture();
        timeouts.fireAll();
        replicas.release("n2");

        assertThat(failure(write).definite()).isTrue();
        assertThat(replicas.writesSent()).isEmpty();
    }

    @Test
    void should_fail_before_the_deadline_once_too_many_replicas_failed() {
        replicas.onWrite("n2", Behaviour.FAIL).onWrite("n3", Behaviour.FAIL);

        RequestFailedException failure = failure(coordinator.write(REQUEST, bytes("v"), false));

        assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(failure.definite()).isFalse();
        assertThat(failure.replicaFailures())
                .extracting(replicaFailure -> replicaFailure.nodeId())
                .containsExactlyInAnyOrder("n2", "n3");
        assertThat(timeouts.pendingCount()).isEqualTo(1);
    }

    @Test
    void should_give_concurrent_writers_distinct_tags_even_through_the_same_node() {
        AbdCoordinator otherNode = coordinator("n2/1");
        NODES.forEach(node -> replicas.onQuery(node, Behaviour.HOLD));

        // All three writes query before any of them writes, so all three see the same highest tag.
        CompletableFuture<AbdTag> first =
                coordinator.write(REQUEST, bytes("a"), false).toCompletableFuture();
        CompletableFuture<AbdTag> second =
                coordinator.write(REQUEST, bytes("b"), false).toCompletableFuture();
        CompletableFuture<AbdTag> third =
                otherNode.write(REQUEST, bytes("c"), false).toCompletableFuture();
        NODES.forEach(node -> replicas.onQuery(node, Behaviour.ANSWER));
        NODES.forEach(replicas::release);

        List<AbdTag> tags = List.of(first.join(), second.join(), third.join());
        assertThat(tags).doesNotHaveDuplicates();
        AbdTag highest = tags.stream().max(AbdTag::compareTo).orElseThrow();
        Register read = join(coordinator.read(REQUEST));
        assertThat(read.tag()).isEqualTo(highest);
        NODES.forEach(node -> assertThat(replicas.registerOf(node).tag()).isEqualTo(highest));
    }

    @Test
    void should_never_lower_a_replica_tag_when_writes_arrive_out_of_order() {
        NODES.forEach(node -> replicas.onWrite(node, Behaviour.HOLD));
        CompletableFuture<AbdTag> older =
                coordinator.write(REQUEST, bytes("older"), false).toCompletableFuture();
        CompletableFuture<AbdTag> newer =
                coordinator.write(REQUEST, bytes("newer"), false).toCompletableFuture();

        // Deliver in reverse: the newer write's request first on every replica, then the older one's.
        NODES.forEach(node -> replicas.onWrite(node, Behaviour.ANSWER));
        NODES.forEach(replicas::releaseNewestFirst);

        assertThat(older.join()).isLessThan(newer.join());
        for (String node : NODES) {
            assertThat(replicas.storedTags(node)).containsExactly(newer.join());
            assertThat(replicas.registerOf(node).tag()).isEqualTo(newer.join());
        }
        assertThat(join(coordinator.read(REQUEST)).value()).isEqualTo(bytes("newer"));
    }

    @Test
    void should_not_acknowledge_a_write_during_a_transition_before_a_majority_of_the_next_replicas_holds_it() {
        replicas.onWrite("n1", Behaviour.NEVER).onWrite("n4", Behaviour.HOLD);

        CompletableFuture<AbdTag> write =
                coordinator.write(DURING_TRANSITION, bytes("v"), false).toCompletableFuture();

        // n2 and n3 are a majority of the current replicas, but n2 alone is not one of the next.
        assertThat(write).isNotDone();
        assertThat(replicas.queriesSent()).containsExactlyInAnyOrder("n1", "n2", "n3", "n4");
        assertThat(replicas.writesSent()).containsExactlyInAnyOrder("n1", "n2", "n3", "n4");
        replicas.release("n4");
        assertThat(write).isCompletedWithValue(new AbdTag(1, "n1/1"));
        assertThat(replicas.registerOf("n4")).isEqualTo(Register.value(new AbdTag(1, "n1/1"), bytes("v")));
    }

    @Test
    void should_not_answer_a_read_during_a_transition_before_its_write_back_reached_a_majority_of_the_next_replicas() {
        Register newest = Register.value(new AbdTag(5, "n2/1"), bytes("new"));
        replicas.holding("n1", Register.value(new AbdTag(4, "n2/1"), bytes("old")))
                .holding("n2", Register.value(new AbdTag(4, "n2/1"), bytes("old")))
                .holding("n3", newest)
                .onQuery("n1", Behaviour.NEVER)
                .onWrite("n1", Behaviour.NEVER)
                .onWrite("n4", Behaviour.HOLD);

        CompletableFuture<Register> read = coordinator.read(DURING_TRANSITION).toCompletableFuture();

        // n3, and n2 after the write-back, are a majority of the current replicas only.
        assertThat(read).isNotDone();
        assertThat(replicas.registerOf("n2")).isEqualTo(newest);
        assertThat(replicas.writesSent()).containsExactlyInAnyOrder("n1", "n2", "n4");
        replicas.release("n4");
        assertThat(read).isCompletedWithValue(newest);
        assertThat(replicas.registerOf("n4")).isEqualTo(newest);
    }

    @Test
    void should_read_the_highest_tag_found_in_either_list_during_a_transition() {
        Register newest = Register.value(new AbdTag(7, "n3/1"), bytes("newest"));
        replicas.holding("n1", Register.value(new AbdTag(5, "n1/1"), bytes("old")))
                .holding("n3", newest)
                .holding("n4", newest)
                .onQuery("n2", Behaviour.NEVER);

        Register read = join(coordinator.read(DURING_TRANSITION));
        AbdTag written = join(coordinator.write(DURING_TRANSITION, bytes("next"), false));

        assertThat(read).isEqualTo(newest);
        assertThat(written).isEqualTo(new AbdTag(8, "n1/1"));
    }

    @Test
    void should_fail_unavailable_when_the_next_replicas_have_no_live_majority_though_the_current_ones_have() {
        cluster.markDown("n2", "n4");

        RequestFailedException failure = failure(coordinator.write(DURING_TRANSITION, bytes("v"), false));

        assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(failure.definite()).isTrue();
        assertThat(replicas.queriesSent()).isEmpty();
        assertThat(timeouts.pendingCount()).isZero();
    }

    @Test
    void should_fail_a_transition_query_definitely_once_the_next_replicas_can_no_longer_answer_a_majority() {
        replicas.onQuery("n2", Behaviour.FAIL).onQuery("n4", Behaviour.FAIL);

        RequestFailedException failure = failure(coordinator.write(DURING_TRANSITION, bytes("v"), false));

        assertTimedOut(failure, true, 1, 2);
        assertThat(failure.getMessage()).contains("from the next replicas");
        assertThat(replicas.writesSent()).isEmpty();
    }

    @Test
    void should_time_out_a_transition_write_with_an_unknown_outcome_when_the_next_replicas_do_not_acknowledge() {
        replicas.onWrite("n2", Behaviour.NEVER).onWrite("n4", Behaviour.NEVER);

        CompletableFuture<AbdTag> write =
                coordinator.write(DURING_TRANSITION, bytes("v"), false).toCompletableFuture();
        assertThat(write).isNotDone();
        timeouts.fireAll();

        RequestFailedException failure = failure(write);
        assertTimedOut(failure, false, 1, 2);
    }

    /** A TIMEOUT that is definite or not, with {@code received} of the {@code required} answers. */
    private static void assertTimedOut(RequestFailedException failure, boolean definite, int received, int required) {
        assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(failure.definite()).as("definite").isEqualTo(definite);
        assertThat(failure.acksReceived()).as("answers received").isEqualTo(received);
        assertThat(failure.acksRequired()).as("answers required").isEqualTo(required);
    }

    private AbdCoordinator coordinator(String writerId) {
        return new AbdCoordinator(new TagIssuer(writerId), cluster, replicas, timeouts);
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static RequestFailedException failure(CompletionStage<?> stage) {
        CompletableFuture<?> future = stage.toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
        } catch (CompletionException failed) {
            assertThat(failed.getCause()).isInstanceOf(RequestFailedException.class);
            return (RequestFailedException) failed.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
