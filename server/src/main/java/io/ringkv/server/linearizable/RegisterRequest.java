package io.ringkv.server.linearizable;

import io.ringkv.server.storage.StorageKey;
import java.util.List;
import java.util.Objects;

/**
 * One linearizable operation after validation: the key, its true preference list (the register's
 * replicas; never stand-ins) and the whole operation's budget.
 */
record RegisterRequest(StorageKey key, List<String> replicas, long timeoutMillis) {

    RegisterRequest {
        Objects.requireNonNull(key, "key");
        replicas = List.copyOf(replicas);
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a register needs at least one replica");
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("timeoutMillis must be positive, was " + timeoutMillis);
        }
    }

    /** Acknowledgements needed in each phase: a strict majority of the replicas. */
    int majority() {
        return replicas.size() / 2 + 1;
    }
}
