package io.ringkv.consistency.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.error.ClientClosedException;
import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.OpType;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    @Test
    void should_record_a_write_that_failed_for_an_unknown_reason_as_indeterminate() {
        Completion completion = Outcomes.failedWrite(4L, new IllegalStateException("boom"));

        assertThat(completion.type()).isEqualTo(OpType.INFO);
        assertThat(completion.indeterminate()).isTrue();
        assertThat(completion.error()).isEqualTo(Keyword.of("illegal-state"));
    }

    @Test
    void should_record_a_failed_read_as_a_definite_failure() {
        Completion completion = Outcomes.failedRead(null, new IllegalStateException("boom"));

        assertThat(completion.type()).isEqualTo(OpType.FAIL);
        assertThat(completion.indeterminate()).isFalse();
    }

    @Test
    void should_record_a_write_the_client_never_sent_as_a_definite_failure() {
        ClientClosedException closed = new ClientClosedException("the client is closed", true);

        Completion completion = Outcomes.failedWrite(4L, closed);

        assertThat(closed.definitelyNotApplied()).isTrue();
        assertThat(completion.type()).isEqualTo(OpType.FAIL);
        assertThat(completion.error()).isEqualTo(Keyword.of("client-closed"));
    }
}
