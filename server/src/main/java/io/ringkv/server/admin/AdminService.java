package io.ringkv.server.admin;

/**
 * Read-only views of a node's opinion of the cluster, for {@code GET /admin/*}, the binary admin
 * call and the {@code admin} CLI. Implementations build a fresh immutable report per call and never
 * block on the network.
 */
public interface AdminService {

    StatusReport status();

    RingReport ring();
}
