/**
 * The SDK's implementation; nothing here is API and anything may change. The public packages are
 * {@code io.ringkv.client}, {@code io.ringkv.client.config}, {@code io.ringkv.client.policy} and
 * {@code io.ringkv.client.error}. {@link io.ringkv.client.internal.ClientCore} wires the parts:
 * {@code topology} (ring view), {@code routing} (preference lists and replica order), {@code request}
 * (one operation with failover and speculative reads), {@code pool} and {@code channel} (connections
 * and multiplexing), {@code timer} and {@code telemetry}.
 */
package io.ringkv.client.internal;
