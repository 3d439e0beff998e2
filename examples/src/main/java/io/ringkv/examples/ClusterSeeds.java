package io.ringkv.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where an example finds the cluster: the first program argument, else the {@value #PROPERTY} system
 * property, else the three nodes of the local {@code dev} cluster. Either form is a comma-separated list
 * of {@code host:port} binary-protocol addresses.
 */
public final class ClusterSeeds {

    /** The system property that overrides the default seeds, e.g. {@code -Dringkv.seeds=10.0.0.5:7101}. */
    public static final String PROPERTY = "ringkv.seeds";

    /** The binary ports of the cluster that {@code java -jar server/target/ringkv-server.jar dev} starts. */
    public static final List<String> DEV_CLUSTER = List.of("127.0.0.1:7101", "127.0.0.1:7102", "127.0.0.1:7103");

    private ClusterSeeds() {}

    /**
     * Resolves the seeds from the program arguments and the system properties.
     *
     * @throws IllegalArgumentException when the chosen value lists no address
     */
    public static List<String> resolve(String[] args, Properties systemProperties) {
        if (args.length > 0) {
            return parse(args[0], "the first argument");
        }
        String property = systemProperties.getProperty(PROPERTY);
        if (property != null) {
            return parse(property, "-D" + PROPERTY);
        }
        return DEV_CLUSTER;
    }

    private static List<String> parse(String text, String origin) {
        List<String> seeds = new ArrayList<>();
        for (String part : text.split(",")) {
            String seed = part.trim();
            if (!seed.isEmpty()) {
                seeds.add(seed);
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException(origin + " lists no seed address (expected host:port[,host:port...])");
        }
        return List.copyOf(seeds);
    }
}
