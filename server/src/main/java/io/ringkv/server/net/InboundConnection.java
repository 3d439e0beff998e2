package io.ringkv.server.net;

import java.util.Objects;

/**
 * The connection a request arrived on, as a {@link MessageHandler} sees it.
 *
 * @param remoteAddress the peer's address as {@code host:port}, for logs and diagnostics
 * @param connectionId  unique among the connections one {@link MessageServer} accepted, starting at 1
 */
public record InboundConnection(String remoteAddress, long connectionId) {

    public InboundConnection {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
