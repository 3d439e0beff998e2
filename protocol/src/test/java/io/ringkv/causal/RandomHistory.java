package io.ringkv.causal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A seeded random run of one key on 3 to 5 replicas: each replica coordinates writes under its own actor
 * (sometimes restarting under a new incarnation), clients write with contexts they read earlier from any
 * replica (or none), and replicas merge each other's states. It records every state it passes through
 * and every write with the client context that came with it, so tests can state laws over real states.
 */
final class RandomHistory {

    /** One client write: the dot it got and the context the client sent. */
    record Write(Dot dot, VersionVector clientContext) {}

    private final Random random;
    private final List<ActorId> actors = new ArrayList<>();
    private final List<SiblingSet> replicas = new ArrayList<>();
    private final List<SiblingSet> observedStates = new ArrayList<>();
    private final List<VersionVector> observedContexts = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private final List<ActorId> retiredActors = new ArrayList<>();
    private long wallClockMillis = 1_700_000_000_000L;
    private int effectivePrunes;

    RandomHistory(Random random) {
        this.random = random;
        int replicaCount = 3 + random.nextInt(3);
        for (int i = 0; i < replicaCount; i++) {
            actors.add(new ActorId("node-" + i, 1 + random.nextInt(3)));
            replicas.add(SiblingSet.EMPTY);
        }
        observedContexts.add(VersionVector.EMPTY);
    }

    /**
     * Runs {@code steps} random operations, optionally with restarts (new incarnations) and with pruning
     * of retired actors.
     */
    RandomHistory run(int steps, boolean restarts, boolean prune) {
        for (int step = 0; step < steps; step++) {
            int choice = random.nextInt(100);
            if (choice < 45) {
                write(random.nextInt(replicas.size()));
            } else if (choice < 85) {
                int from = random.nextInt(replicas.size());
                int to = random.nextInt(replicas.size());
                set(to, SiblingSets.merge(replicas.get(to), replicas.get(from)));
            } else if (choice < 95) {
                int replica = random.nextInt(replicas.size());
                observedContexts.add(replicas.get(replica).context());
            } else if (restarts) {
                restart(random.nextInt(replicas.size()));
            }
            if (prune && random.nextInt(10) == 0) {
                int replica = random.nextInt(replicas.size());
                SiblingSet pruned = SiblingSets.prune(replicas.get(replica), retiredPredicate());
                if (!pruned.equals(replicas.get(replica))) {
                    effectivePrunes++;
                }
                set(replica, pruned);
            }
        }
        return this;
    }

    private void write(int replica) {
        VersionVector clientContext = observedContexts.get(random.nextInt(observedContexts.size()));
        if (random.nextInt(4) == 0) {
            clientContext = replicas.get(replica).context();
        }
        boolean tombstone = random.nextInt(5) == 0;
        byte[] value = tombstone ? new byte[0] : randomValue();
        wallClockMillis += random.nextInt(1000) - 100;
        SiblingSet written = SiblingSets.write(
                replicas.get(replica), clientContext, actors.get(replica), value, tombstone, wallClockMillis);
        Dot dot = new Dot(actors.get(replica), written.context().counter(actors.get(replica)));
        writes.add(new Write(dot, clientContext));
        set(replica, written);
        observedContexts.add(written.context());
    }

    /** The replica keeps its data but starts again under a new incarnation; the old one never writes again. */
    private void restart(int replica) {
        ActorId old = actors.get(replica);
        retiredActors.add(old);
        actors.set(replica, new ActorId(old.nodeId(), old.incarnation() + 1 + random.nextInt(5)));
    }

    private byte[] randomValue() {
        byte[] value = new byte[random.nextInt(6)];
        random.nextBytes(value);
        return value;
    }

    private void set(int replica, SiblingSet state) {
        replicas.set(replica, state);
        observedStates.add(state);
    }

    Predicate<ActorId> retiredPredicate() {
        List<ActorId> retired = List.copyOf(retiredActors);
        return retired::contains;
    }

    /** All replicas merged together: the state every replica converges to once anti-entropy has run. */
    SiblingSet converged() {
        SiblingSet result = SiblingSet.EMPTY;
        for (SiblingSet replica : replicas) {
            result = SiblingSets.merge(result, replica);
        }
        return result;
    }

    SiblingSet randomObservedState() {
        return observedStates.isEmpty() ? SiblingSet.EMPTY : observedStates.get(random.nextInt(observedStates.size()));
    }

    VersionVector randomObservedContext() {
        return observedContexts.get(random.nextInt(observedContexts.size()));
    }

    /** How many prunes removed at least one context entry. */
    int effectivePrunes() {
        return effectivePrunes;
    }

    List<SiblingSet> replicas() {
        return List.copyOf(replicas);
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    List<ActorId> actors() {
        return List.copyOf(actors);
    }

    /** Whether some write's client context covers {@code dot}: only such a write may supersede it. */
    boolean supersededByAClient(Dot dot) {
        return writes.stream().anyMatch(write -> write.clientContext().covers(dot));
    }
}
