package io.ringkv.server.coordinator;

import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. The server backs it with Netty's hashed wheel timer (cheap for the
 * millions of short timeouts a busy coordinator sets); tests back it with a manual scheduler.
 * Tasks must be short and must not block.
 */
@FunctionalInterface
public interface TimeoutScheduler {

    void schedule(Runnable task, long delay, TimeUnit unit);
}
