package io.ringkv.client.internal.channel;

import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * The type of the client's event-loop threads, so the blocking API can refuse to block on one: a
 * blocking call there would wait for a reply that only that same thread can deliver.
 */
public final class ClientIoThread extends FastThreadLocalThread {

    ClientIoThread(ThreadGroup group, Runnable task, String name) {
        super(group, task, name);
    }

    /** True when the calling thread is one of any RingKV client's event-loop threads. */
    public static boolean isCurrent() {
        return Thread.currentThread() instanceof ClientIoThread;
    }
}
