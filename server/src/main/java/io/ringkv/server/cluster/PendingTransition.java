package io.ringkv.server.cluster;

import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.membership.RingRegister;
import java.util.Objects;

/**
 * A membership transition in flight, as the topology thread last published it: the ring register whose
 * layout carries pending owners, the ring served now and the ring it leads to. The register's proposer
 * drives the transition (streams the moving partitions, then proposes {@link RingLayout#next()}).
 *
 * @param register the register with pending owners; its epoch and proposer identify the transition
 * @param layout the register's layout
 * @param current the ring reads and write quorums use meanwhile
 * @param next the ring once the pending owners are applied (same version as {@code current})
 */
public record PendingTransition(RingRegister register, RingLayout layout, RingSnapshot current, RingSnapshot next) {

    public PendingTransition {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
    }

    /** A stable name for logs and progress files: {@code <epoch>-<proposer>}. */
    public String id() {
        return register.epoch() + "-" + register.proposer();
    }
}
