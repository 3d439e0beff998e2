package io.ringkv.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamProgressStoreTest {

    @TempDir
    Path directory;

    private final PartitionTransfer seven = new PartitionTransfer(7, "n4", List.of("n1", "n2"));
    private final PartitionTransfer nine = new PartitionTransfer(9, "n4", List.of("n2"));

    @Test
    void should_resume_each_copy_after_its_last_recorded_chunk() {
        StreamProgressStore store = new StreamProgressStore(directory);
        store.record("5-n4", seven, new StreamProgress(new byte[] {1, 2}, false));
        store.record("5-n4", seven, new StreamProgress(new byte[] {1, 3}, false));
        store.record("5-n4", nine, new StreamProgress(new byte[] {9}, true));

        Map<String, StreamProgress> reopened = new StreamProgressStore(directory).load("5-n4");

        assertThat(reopened).containsOnlyKeys("7:n4", "9:n4");
        assertThat(reopened.get("7:n4").lastKey()).containsExactly(1, 3);
        assertThat(reopened.get("7:n4").done()).isFalse();
        assertThat(reopened.get("9:n4").done()).isTrue();
        assertThat(store.load("6-n4")).isEmpty();
    }

    @Test
    void should_ignore_a_line_torn_by_a_crash() throws IOException {
        StreamProgressStore store = new StreamProgressStore(directory);
        store.record("5-n4", seven, new StreamProgress(new byte[] {1, 2}, false));
        Files.writeString(
                directory.resolve("5-n4.progress"), "7 n4 01ff", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(store.load("5-n4").get("7:n4").lastKey()).containsExactly(1, 2);
    }

    @Test
    void should_forget_finished_transitions() {
        StreamProgressStore store = new StreamProgressStore(directory);
        store.record("5-n4", seven, new StreamProgress(new byte[] {1}, false));
        store.record("6-n1", nine, new StreamProgress(new byte[] {2}, false));

        store.forgetAllBut("6-n1");
        assertThat(store.load("5-n4")).isEmpty();
        assertThat(store.load("6-n1")).containsOnlyKeys("9:n4");
        store.forget("6-n1");
        assertThat(store.load("6-n1")).isEmpty();
    }
}
