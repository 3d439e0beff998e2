package io.ringkv.server.membership;

import io.ringkv.ring.NodeState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Chooses whom a {@link Gossiper} round contacts, following Cassandra: {@code fanout} random live peers;
 * then, with probability {@code unreachable / (live + 1)}, one random unreachable peer (so a recovered node
 * is noticed, and a partition heals, without every node hammering the dead); then a random seed when no
 * peer is live (bootstrap) or, if no chosen peer was a seed, with probability
 * {@code seeds / (live + unreachable)} (so views split by a partition are merged again through the seeds).
 * Peers known to have LEFT are not probed. Costs O(targets). Not thread-safe; confined to the topology thread.
 */
final class PeerSelector {

    private final int fanout;
    private final List<PeerAddress> seeds;
    private final Set<PeerAddress> seedSet;
    private final RandomGenerator random;

    /**
     * @param seeds seed addresses; the local node's own address must already be removed
     */
    PeerSelector(int fanout, List<PeerAddress> seeds, RandomGenerator random) {
        this.fanout = fanout;
        this.seedSet = new LinkedHashSet<>(seeds);
        this.seeds = List.copyOf(seedSet);
        this.random = Objects.requireNonNull(random, "random");
    }

    List<PeerAddress> targets(IndexedPeerSet live, IndexedPeerSet unreachable, Function<String, EndpointState> states) {
        Set<PeerAddress> targets = new LinkedHashSet<>();
        for (String nodeId : live.pickDistinct(fanout, random)) {
            targets.add(states.apply(nodeId).address());
        }
        if (!unreachable.isEmpty() && random.nextDouble() < unreachable.size() / (live.size() + 1.0)) {
            EndpointState probed = states.apply(unreachable.pickOne(random));
            if (probed.status() != NodeState.LEFT) {
                targets.add(probed.address());
            }
        }
        if (!seeds.isEmpty()) {
            boolean seedChosen = targets.stream().anyMatch(seedSet::contains);
            double seedChance = seeds.size() / (double) Math.max(1, live.size() + unreachable.size());
            if (live.isEmpty() || (!seedChosen && random.nextDouble() < seedChance)) {
                targets.add(seeds.get(random.nextInt(seeds.size())));
            }
        }
        return new ArrayList<>(targets);
    }
}
