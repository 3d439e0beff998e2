/**
 * Typed, validated client settings: {@link io.ringkv.client.config.ClientConfig} (with its defaults),
 * connections and backpressure ({@link io.ringkv.client.config.ConnectionConfig},
 * {@link io.ringkv.client.config.BackpressureMode}) and ring refresh
 * ({@link io.ringkv.client.config.TopologyConfig}). Every record validates itself on construction, so
 * a bad value fails {@code build()} with a message that names it.
 */
package io.ringkv.client.config;
