package io.ringkv.consistency.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.Sibling;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SetMergeTest {

    @Test
    void should_keep_every_element_of_every_sibling_when_merging_by_union() {
        List<Sibling> siblings = List.of(sibling("1,2,3", 100), sibling("1,2,4", 90));

        assertThat(SetMerge.UNION.merge(siblings)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void should_keep_only_the_latest_sibling_when_the_last_writer_wins() {
        List<Sibling> siblings = List.of(sibling("1,2,3", 100), sibling("1,2,4", 120));

        assertThat(SetMerge.LAST_WRITE_WINS.merge(siblings)).containsExactly(1L, 2L, 4L);
    }

    @Test
    void should_read_an_empty_set_from_no_siblings_or_an_empty_value() {
        assertThat(SetMerge.UNION.merge(List.of())).isEmpty();
        assertThat(SetMerge.LAST_WRITE_WINS.merge(List.of(sibling("", 5)))).isEmpty();
    }

    @Test
    void should_encode_elements_in_order_separated_by_commas() {
        assertThat(SetMerge.encode(new TreeSet<>(List.of(30L, 4L, 100L)))).isEqualTo("4,30,100");
        assertThat(SetMerge.decode(sibling(SetMerge.encode(new TreeSet<>(List.of(7L, 8L))), 1)))
                .containsExactly(7L, 8L);
    }

    static Sibling sibling(String value, long writtenAtMillis) {
        return new Sibling(value.getBytes(StandardCharsets.UTF_8), writtenAtMillis);
    }
}
