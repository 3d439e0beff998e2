package io.ringkv.consistency.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Sends a POSIX signal to one process by PID. The harness only ever passes PIDs of processes it started
 * itself; the JDK's {@link Process} covers SIGTERM and SIGKILL, this covers SIGSTOP and SIGCONT.
 */
@FunctionalInterface
public interface SignalSender {

    /**
     * @param pid the process
     * @param signal the signal name without {@code SIG}: {@code STOP}, {@code CONT}
     * @throws IllegalStateException when the signal could not be sent
     */
    void send(long pid, String signal);

    /** Runs {@code kill -SIGNAL pid}. */
    static SignalSender killCommand() {
        return SignalSender::runKill;
    }

    private static void runKill(long pid, String signal) {
        String command = "kill -" + signal + " " + pid;
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = kill.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(command + " exited " + exit + ": " + output.strip());
            }
        } catch (IOException failure) {
            throw new IllegalStateException("could not run " + command, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, interrupted);
        }
    }
}
