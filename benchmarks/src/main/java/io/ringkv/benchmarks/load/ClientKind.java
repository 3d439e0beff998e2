package io.ringkv.benchmarks.load;

/** Which client sends the requests. */
public enum ClientKind {
    /** The minimal Netty client of {@code io.ringkv.benchmarks.load.raw}: the baseline. */
    RAW,
    /** The RingKV SDK ({@code io.ringkv.client.RingKvClient}), as applications use it. */
    SDK
}
