/**
 * A minimal Netty client of the binary protocol, the baseline the SDK is measured against: the same
 * frames ({@link io.ringkv.protocol.codec.RingKvCodec}), the same socket options and flush consolidation,
 * a fixed pool of connections per node, many requests in flight per connection matched by request id,
 * and a per-request timeout on a wheel timer. Nothing else: no ring refresh, no failover, no retries,
 * no telemetry, no backpressure.
 */
package io.ringkv.benchmarks.load.raw;
