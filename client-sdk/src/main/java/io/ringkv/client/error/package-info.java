/**
 * The SDK's exceptions. All extend the unchecked {@link io.ringkv.client.error.RingKvException}, whose
 * {@link io.ringkv.client.error.RingKvException#definitelyNotApplied()} separates failures that certainly
 * did not take effect from those whose outcome is unknown. Subclasses say what went wrong: not enough
 * replicas ({@link io.ringkv.client.error.UnavailableException}), out of time
 * ({@link io.ringkv.client.error.RequestTimeoutException}), a request that can never succeed
 * ({@link io.ringkv.client.error.BadRequestException} and its subclasses), load shedding
 * ({@link io.ringkv.client.error.OverloadedException}), a broken connection after a write was sent
 * ({@link io.ringkv.client.error.ConnectionLostException}), no node reachable
 * ({@link io.ringkv.client.error.NoReachableNodeException}), a server fault
 * ({@link io.ringkv.client.error.ServerErrorException}) and a closed client
 * ({@link io.ringkv.client.error.ClientClosedException}).
 */
package io.ringkv.client.error;
