/** Delayed tasks for the client: the {@link io.ringkv.client.internal.timer.Scheduler} abstraction and its wheel-timer implementation. */
package io.ringkv.client.internal.timer;
