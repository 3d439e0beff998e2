package io.ringkv.consistency.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the command line that starts one node from the runnable jar (pure; no process is started). */
public final class NodeCommandLine {

    private NodeCommandLine() {}

    /**
     * {@code java [jvmOptions] -jar JAR node --id ID --host HOST --port P --http-port H --data-dir DIR
     * --seeds SEED [--set key=value ...]}, settings in key order so the command is stable.
     */
    public static List<String> of(
            Path javaExecutable,
            Path serverJar,
            List<String> jvmOptions,
            NodeSpec node,
            String seedAddress,
            Map<String, String> settings) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                serverJar.toString(),
                "node",
                "--id",
                node.id(),
                "--host",
                node.host(),
                "--port",
                Integer.toString(node.binaryPort()),
                "--http-port",
                Integer.toString(node.httpPort()),
                "--data-dir",
                node.dataDirectory().toString(),
                "--seeds",
                seedAddress));
        new TreeMap<>(settings).forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        return command;
    }

    /** The {@code java} executable of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
