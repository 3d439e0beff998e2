package io.ringkv.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, recorded with every run because other work on the box skews the figures. */
public final class LoadAverage {

    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

    private LoadAverage() {}

    /** The 1, 5 and 15-minute figures, e.g. {@code "1.52 0.98 0.60"}, or {@code "unknown"} off Linux. */
    public static String read() {
        try {
            String[] fields = Files.readString(PROC_LOADAVG).trim().split("\\s+");
            return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | SecurityException unavailable) {
            return "unknown";
        }
    }
}
