package io.ringkv.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts an {@link EmbeddedRingKvCluster} once for the annotated test class and injects it, or a client
 * of it, into test and lifecycle method parameters:
 *
 * <pre>{@code
 * @RingKvCluster(nodes = 3)
 * class CartRepositoryTest {
 *     @Test
 *     void stores_a_cart(RingKvClient client) { ... }          // a fresh client per method, closed after it
 *
 *     @Test
 *     void survives_a_node_loss(EmbeddedRingKvCluster cluster) { ... }
 * }
 * }</pre>
 *
 * The cluster is shared by every test of the class and closed after the last one; a test that stops a
 * node should restart it (or the class should use one cluster per test with {@link RingKvClusterExtension}
 * on an instance field).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RingKvClusterExtension.class)
public @interface RingKvCluster {

    /** Nodes to start. */
    int nodes() default 3;

    /** N, the replicas of every key. */
    int replicationFactor() default 3;

    /** Q, the ring's partitions. */
    int partitionCount() default 64;

    /** {@code memory}, {@code mapdb} or {@code rocksdb}. */
    String storageEngine() default "memory";

    /** Further node settings, each {@code key=value}, e.g. {@code "requests.timeout-millis=500"}. */
    String[] settings() default {};
}
