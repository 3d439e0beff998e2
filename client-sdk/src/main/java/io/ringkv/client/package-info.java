/**
 * The RingKV client API. Start with {@link io.ringkv.client.RingKvClient#builder()}; read and write
 * keys with {@link io.ringkv.client.RingKvClient#get}, {@link io.ringkv.client.RingKvClient#put} and
 * {@link io.ringkv.client.RingKvClient#delete} (asynchronous) or their
 * {@link io.ringkv.client.BlockingRingKvClient} twins; merge concurrent values with a
 * {@link io.ringkv.client.SiblingResolver}. Settings live in {@code io.ringkv.client.config}, extension
 * points in {@code io.ringkv.client.policy}, exceptions in {@code io.ringkv.client.error}. The
 * {@code io.ringkv.client.internal} packages are not API. See {@code docs/client.md}.
 */
package io.ringkv.client;
