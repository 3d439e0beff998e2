package io.ringkv.server.linearizable;

import static io.ringkv.server.linearizable.RegisterLinearizabilityCheck.Operation.read;
import static io.ringkv.server.linearizable.RegisterLinearizabilityCheck.Operation.write;
import static io.ringkv.server.linearizable.RegisterLinearizabilityCheck.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.server.linearizable.RegisterLinearizabilityCheck.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The randomized test's checker must tell good histories from bad ones, or that test proves nothing. */
class RegisterLinearizabilityCheckTest {

    @Test
    void should_accept_a_sequential_history_and_a_read_that_overlaps_a_write() {
        assertThat(RegisterLinearizabilityCheck.isLinearizable(
                        List.of(write(1, 1, 0, 1), read(2, 1, 2, 3), write(1, 2, 4, 7), read(2, 1, 5, 6)), null))
                .isTrue();
        assertThat(RegisterLinearizabilityCheck.isLinearizable(
                        List.of(write(1, 1, 0, 1), write(1, 2, 4, 7), read(2, 2, 5, 6)), null))
                .isTrue();
    }

    @Test
    void should_reject_a_stale_read() {
        assertThat(RegisterLinearizabilityCheck.isLinearizable(
                        List.of(write(1, 1, 0, 1), write(1, 2, 2, 3), read(2, 1, 4, 5)), null))
                .isFalse();
    }

    @Test
    void should_reject_a_new_value_followed_by_an_old_one() {
        // Two reads during one write: once the first saw the new value, a later read must too.
        assertThat(RegisterLinearizabilityCheck.isLinearizable(
                        List.of(write(1, 1, 0, 1), write(1, 2, 2, 10), read(2, 2, 3, 4), read(3, 1, 5, 6)), null))
                .isFalse();
    }

    @Test
    void should_reject_a_read_of_a_value_nobody_wrote_or_a_value_after_its_delete() {
        assertThat(RegisterLinearizabilityCheck.isLinearizable(List.of(read(1, 9, 0, 1)), null))
                .isFalse();
        assertThat(RegisterLinearizabilityCheck.isLinearizable(
                        List.of(write(1, 1, 0, 1), write(1, null, 2, 3), read(2, 1, 4, 5)), null))
                .isFalse();
    }

    @Test
    void should_let_a_write_of_unknown_outcome_take_effect_late_or_never() {
        Operation unknown = write(1, 5, 0, UNKNOWN);

        assertThat(RegisterLinearizabilityCheck.isLinearizable(List.of(unknown, read(2, null, 1, 2)), null))
                .isTrue();
        assertThat(RegisterLinearizabilityCheck.isLinearizable(
                        List.of(unknown, read(2, null, 1, 2), read(2, 5, 100, 101)), null))
                .isTrue();
        assertThat(RegisterLinearizabilityCheck.isLinearizable(
                        List.of(unknown, read(2, 5, 1, 2), read(2, null, 100, 101)), null))
                .isFalse();
    }
}
