/**
 * Cluster membership: a Cassandra-style gossip protocol (SYN, ACK, ACK2 digest exchanges with a few
 * random peers per round, each endpoint's state versioned by generation and version) that spreads
 * every node's address, rack and life-cycle status plus an opaque ring-assignment register, and a
 * phi-accrual failure detector that turns the heartbeats gossip delivers into this node's local opinion
 * of which peers are up. Everything here is deterministic logic driven by an injected clock and random
 * generator and touched by one thread (the node's topology executor); peers are reached only through the
 * small {@link io.ringkv.server.membership.GossipTransport} interface, so the same code runs over the
 * Netty internode transport and inside a simulated network with virtual time. See
 * {@code docs/membership.md} for the protocol, the timing arithmetic and the defaults.
 */
package io.ringkv.server.membership;
