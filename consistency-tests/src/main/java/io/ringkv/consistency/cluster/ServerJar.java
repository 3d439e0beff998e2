package io.ringkv.consistency.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the runnable server jar that the harness starts as node processes. */
public final class ServerJar {

    /** System property naming the jar; the build sets it for the integration tests. */
    public static final String PROPERTY = "ringkv.serverJar";

    private ServerJar() {}

    /**
     * The jar named by {@value #PROPERTY}, else {@code server/target/ringkv-server.jar} below the working
     * directory or its parent.
     *
     * @throws IllegalStateException when no such file exists, saying how to build it
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return requireFile(Path.of(configured));
        }
        for (Path candidate : new Path[] {
            Path.of("server", "target", "ringkv-server.jar"), Path.of("..", "server", "target", "ringkv-server.jar")
        }) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the runnable server jar was not found: build it with "
                + "`./mvnw -pl protocol,server -DskipTests install` or pass -D" + PROPERTY + "=PATH");
    }

    /** {@code jar} itself, checked to exist. */
    public static Path requireFile(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the runnable server jar " + jar.toAbsolutePath()
                    + " is missing: build it with `./mvnw -pl protocol,server -DskipTests install`");
        }
        return jar.toAbsolutePath().normalize();
    }
}
