package io.ringkv.consistency.nemesis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs an external command (here: {@code nft}) and returns its exit code and output. */
@FunctionalInterface
public interface CommandRunner {

    /**
     * @param command the program and its arguments
     * @param standardInput text written to the command's standard input, or {@code null} for none
     * @throws IOException when the command cannot be started (for example, not on the PATH)
     */
    Result run(List<String> command, String standardInput) throws IOException;

    /**
     * @param exitCode the command's exit code
     * @param output its standard output and error, merged
     */
    record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Starts real processes. */
    static CommandRunner processes() {
        return (command, standardInput) -> {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                if (standardInput != null) {
                    in.write(standardInput.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                return new Result(process.waitFor(), output);
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + command, interrupted);
            }
        };
    }
}
