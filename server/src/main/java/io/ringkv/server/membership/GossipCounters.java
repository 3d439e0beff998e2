package io.ringkv.server.membership;

/**
 * Running totals of one {@link Gossiper}, for metrics and the admin status.
 *
 * @param rounds gossip rounds run
 * @param synsSent exchanges started
 * @param synsFailed exchanges whose syn was not answered (timeout, refused, rejected)
 * @param synsReceived exchanges started by peers
 * @param fullSynsSent exchanges started with a full syn (every endpoint listed), to repair diverged views
 */
public record GossipCounters(long rounds, long synsSent, long synsFailed, long synsReceived, long fullSynsSent) {}
