package io.ringkv.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code protocol/regen-flatbuffers.sh --check} (an external process, hence an IT): the committed
 * classes of {@code io.ringkv.protocol.fbs} must be exactly what flatc generates from the schema. Skipped
 * where flatc is not installed; a fresh clone builds from the committed classes anyway.
 */
class GeneratedCodeUpToDateIT {

    private static final Path SCRIPT = Path.of("regen-flatbuffers.sh");

    @Test
    void should_find_the_committed_flatbuffers_classes_identical_to_what_flatc_generates()
            throws IOException, InterruptedException {
        assumeTrue(flatcOnPath(), "flatc is not on PATH; install flatbuffers-compiler 2.0.8 to run this check");
        assertThat(SCRIPT).as("run from the protocol module folder").exists();

        // Output goes to a file, not a pipe, so a long diff cannot block the script before it exits.
        Path log = Files.createTempFile("regen-flatbuffers-check", ".log");
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), "--check")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);

        assertThat(finished).as("regen-flatbuffers.sh --check finished").isTrue();
        assertThat(process.exitValue())
                .as("regen-flatbuffers.sh --check output:%n%s", output)
                .isZero();
    }

    private static boolean flatcOnPath() {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(File.pathSeparator))
                        .map(folder -> Path.of(folder, "flatc"))
                        .anyMatch(Files::isExecutable);
    }
}
