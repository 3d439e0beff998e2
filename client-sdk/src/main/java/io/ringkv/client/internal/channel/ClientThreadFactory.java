package io.ringkv.client.internal.channel;

import io.netty.util.concurrent.DefaultThreadFactory;

/** Names the client's event-loop threads {@code ringkv-io-*} and makes them {@link ClientIoThread}s (daemons). */
public final class ClientThreadFactory extends DefaultThreadFactory {

    public ClientThreadFactory() {
        super("ringkv-io", true);
    }

    @Override
    protected Thread newThread(Runnable task, String name) {
        return new ClientIoThread(threadGroup, task, name);
    }
}
