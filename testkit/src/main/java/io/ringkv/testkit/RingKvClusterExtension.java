package io.ringkv.testkit;

import io.ringkv.client.RingKvClient;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that runs an {@link EmbeddedRingKvCluster} for tests and resolves parameters of type
 * {@link EmbeddedRingKvCluster} and {@link RingKvClient} (a new client per parameter, closed after the
 * method).
 *
 * <p>Two ways to use it:
 * <ul>
 *   <li>declaratively, with {@link RingKvCluster @RingKvCluster} on the class: one cluster per class;
 *   <li>programmatically, with {@code @RegisterExtension}:
 *       <pre>{@code
 * @RegisterExtension
 * static final RingKvClusterExtension RINGKV =
 *         new RingKvClusterExtension(EmbeddedRingKvCluster.builder().nodes(5).config());
 *       }</pre>
 *       On a static field the cluster lives for the class, on an instance field for one test.
 *       {@link #cluster()} gives it to fields and helpers.
 * </ul>
 */
public final class RingKvClusterExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RingKvClusterExtension.class);
    private static final String CLUSTER_KEY = "cluster";

    private final EmbeddedClusterConfig config;
    private EmbeddedRingKvCluster started;

    /** For {@link RingKvCluster @RingKvCluster}: the layout comes from the annotation. */
    public RingKvClusterExtension() {
        this.config = null;
    }

    /** For {@code @RegisterExtension}: the cluster this extension runs. */
    public RingKvClusterExtension(EmbeddedClusterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The running cluster.
     *
     * @throws IllegalStateException before the extension started it
     */
    public EmbeddedRingKvCluster cluster() {
        if (started == null) {
            throw new IllegalStateException("the cluster starts before the first test; it is not running yet");
        }
        return started;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        started = clusterFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // An extension on an instance field gets no beforeAll: its cluster lives for this one test.
        started = clusterFor(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedRingKvCluster.class || type == RingKvClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        EmbeddedRingKvCluster cluster = clusterFor(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == EmbeddedRingKvCluster.class) {
            return cluster;
        }
        if (type == RingKvClient.class) {
            RingKvClient client = cluster.newClient();
            // Stored AutoCloseable values are closed when the scope of the parameter's method ends.
            extensionContext
                    .getStore(NAMESPACE)
                    .put("client-" + parameterContext.getIndex() + "-" + System.identityHashCode(client), client);
            return client;
        }
        throw new ParameterResolutionException("cannot resolve a parameter of type " + type.getName());
    }

    /**
     * The cluster of the nearest enclosing scope that has one, started on first use in the scope of the
     * class (or of the method, for an extension registered on an instance field).
     */
    private EmbeddedRingKvCluster clusterFor(ExtensionContext context) {
        for (Optional<ExtensionContext> scope = Optional.of(context);
                scope.isPresent();
                scope = scope.get().getParent()) {
            EmbeddedRingKvCluster existing =
                    scope.get().getStore(NAMESPACE).get(CLUSTER_KEY, EmbeddedRingKvCluster.class);
            if (existing != null) {
                return existing;
            }
        }
        EmbeddedRingKvCluster cluster = EmbeddedRingKvCluster.start(resolveConfig(context));
        context.getStore(NAMESPACE).put(CLUSTER_KEY, cluster);
        return cluster;
    }

    private EmbeddedClusterConfig resolveConfig(ExtensionContext context) {
        if (config != null) {
            return config;
        }
        RingKvCluster annotation = context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, RingKvCluster.class))
                .orElseThrow(() -> new IllegalStateException(
                        "RingKvClusterExtension needs @RingKvCluster on the test class or a config"));
        EmbeddedRingKvCluster.Builder builder = EmbeddedRingKvCluster.builder()
                .nodes(annotation.nodes())
                .replicationFactor(annotation.replicationFactor())
                .partitionCount(annotation.partitionCount())
                .storageEngine(annotation.storageEngine());
        for (String setting : annotation.settings()) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("a @RingKvCluster setting must be key=value, was '" + setting + "'");
            }
            builder.setting(
                    setting.substring(0, equals).trim(),
                    setting.substring(equals + 1).trim());
        }
        return builder.config();
    }
}
