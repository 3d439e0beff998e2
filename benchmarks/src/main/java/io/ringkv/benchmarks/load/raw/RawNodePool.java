package io.ringkv.benchmarks.load.raw;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A node's fixed set of connections, used in turn (round robin) by the requests sent to it. */
final class RawNodePool {

    private final List<RawConnection> connections;
    private final AtomicInteger next = new AtomicInteger();

    RawNodePool(List<RawConnection> connections) {
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one connection");
        }
        this.connections = List.copyOf(connections);
    }

    RawConnection next() {
        return connections.get(Math.floorMod(next.getAndIncrement(), connections.size()));
    }

    boolean isActive() {
        for (RawConnection connection : connections) {
            if (connection.isActive()) {
                return true;
            }
        }
        return false;
    }

    void close() {
        connections.forEach(RawConnection::close);
    }
}
