/**
 * Real RingKV clusters for the tests of applications that use the client SDK.
 *
 * <ul>
 *   <li>{@link io.ringkv.testkit.EmbeddedRingKvCluster}: nodes inside the test's JVM on loopback, with
 *       ephemeral ports and temporary data folders; starts in seconds, can stop, restart and add nodes.
 *   <li>{@link io.ringkv.testkit.RingKvCluster @RingKvCluster} and
 *       {@link io.ringkv.testkit.RingKvClusterExtension}: the same cluster managed by JUnit 5, injected
 *       into test parameters.
 *   <li>{@link io.ringkv.testkit.RingKvContainerCluster}: one Docker container per node, built from the
 *       server's Dockerfile with Testcontainers (an optional dependency).
 * </ul>
 */
package io.ringkv.testkit;
