package io.ringkv.server.membership;

import java.util.concurrent.CompletionStage;

/**
 * How the {@link Gossiper} reaches peers; implemented over the Netty internode connections (adapting these
 * records to the FlatBuffers {@code GossipSyn}, {@code GossipAck} and {@code GossipAck2} messages) and by a
 * simulated network in tests.
 *
 * <p>An exchange is a request and a reply plus a one-way close: {@link #sendSyn} sends a syn and returns
 * the peer's ack (the peer's side calls {@link Gossiper#handleSyn} and replies with what it returns);
 * {@link #sendAck2} sends the closing message (the peer calls {@link Gossiper#handleAck2}). The receiving
 * side must hand both to the node's topology thread before calling the gossiper.
 *
 * <p>Contract: neither method blocks or throws for a network problem. A syn that cannot be delivered or
 * answered in time completes its stage exceptionally (the gossiper counts it and moves on: a failed
 * exchange is not evidence that the peer is down, only missing heartbeats are). An ack2 is best effort:
 * losing it only delays convergence by a round. Stages may complete on any thread; the gossiper hops back
 * to its own executor.
 */
public interface GossipTransport {

    /** Sends {@code syn} to {@code peer} and completes with its ack, or exceptionally on any failure. */
    CompletionStage<Ack> sendSyn(PeerAddress peer, Syn syn);

    /** Sends {@code ack2} to {@code peer}, best effort. */
    void sendAck2(PeerAddress peer, Ack2 ack2);
}
