/**
 * Cluster membership: a Cassandra-style gossip protocol (SYN, ACK, ACK2 digest exchanges with a node's
 * monitoring-ring successors and a few random peers per round, each endpoint's state versioned by
 * generation and version, digests bounded to recent changes) that spreads every node's address, rack,
 * life-cycle status and convictions plus an opaque ring-assignment register, and a phi-accrual failure
 * detector that turns its neighbours' direct heartbeats into this node's local opinion of which peers are
 * up (and their monitors' gossiped convictions, for the rest). Everything here is deterministic logic driven by an injected clock and random
 * generator and touched by one thread (the node's topology executor); peers are reached only through the
 * small {@link io.ringkv.server.membership.GossipTransport} interface, so the same code runs over the
 * Netty internode transport and inside a simulated network with virtual time. See
 * {@code docs/membership.md} for the protocol, the timing arithmetic and the defaults.
 */
package io.ringkv.server.membership;
