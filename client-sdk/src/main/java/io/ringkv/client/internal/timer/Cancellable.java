package io.ringkv.client.internal.timer;

/** A scheduled task that may still be called off; cancelling twice, or after it ran, does nothing. */
@FunctionalInterface
public interface Cancellable {

    Cancellable NONE = () -> {};

    void cancel();
}
