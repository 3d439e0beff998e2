package io.ringkv.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCacheTest {

    @TempDir
    Path directory;

    @Test
    void should_start_with_empty_contexts_so_first_updates_are_blind() {
        ContextCache cache = new ContextCache(3);

        assertThat(cache.contextOf(0)).isEmpty();
        cache.remember(0, new byte[] {1, 2});
        assertThat(cache.contextOf(0)).containsExactly(1, 2);
        assertThat(cache.contextOf(1)).isEmpty();
    }

    @Test
    void should_hand_contexts_on_to_a_later_run_through_a_file() throws IOException {
        ContextCache first = new ContextCache(4);
        first.remember(1, new byte[] {7});
        first.remember(3, new byte[] {8, 9, 10});
        Path file = directory.resolve("contexts");
        first.save(file);

        ContextCache second = new ContextCache(4);
        assertThat(second.load(file)).isEqualTo(2);

        assertThat(second.contextOf(0)).isEmpty();
        assertThat(second.contextOf(1)).containsExactly(7);
        assertThat(second.contextOf(2)).isEmpty();
        assertThat(second.contextOf(3)).containsExactly(8, 9, 10);
    }

    @Test
    void should_refuse_contexts_saved_for_another_key_count() throws IOException {
        Path file = directory.resolve("contexts");
        new ContextCache(4).save(file);

        assertThatThrownBy(() -> new ContextCache(5).load(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("4 keys");
    }
}
