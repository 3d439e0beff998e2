package io.ringkv.server.linearizable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.protocol.message.AbdTag;
import org.junit.jupiter.api.Test;

class TagIssuerTest {

    @Test
    void should_issue_a_tag_above_the_highest_seen_and_above_every_earlier_one() {
        TagIssuer issuer = new TagIssuer("n1/7");

        assertThat(issuer.after(AbdTag.ZERO)).isEqualTo(new AbdTag(1, "n1/7"));
        assertThat(issuer.after(new AbdTag(10, "n2/3"))).isEqualTo(new AbdTag(11, "n1/7"));
        // Two writes that queried the same maximum still get different tags.
        assertThat(issuer.after(new AbdTag(10, "n2/3"))).isEqualTo(new AbdTag(12, "n1/7"));
        assertThat(issuer.after(AbdTag.ZERO)).isEqualTo(new AbdTag(13, "n1/7"));
    }

    @Test
    void should_refuse_the_empty_writer_id_of_the_zero_tag() {
        assertThatThrownBy(() -> new TagIssuer("")).isInstanceOf(IllegalArgumentException.class);
    }
}
