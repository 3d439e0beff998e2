package io.ringkv.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The operations of dotted version vector sets (DVV sets, Almeida, Preguiça et al., as in Riak 2.x):
 * the coordinator's write, the replica-to-replica merge, and the version vector helpers the read path
 * and repair use. All methods are pure functions over immutable values and are thread-safe.
 *
 * <p>Why DVV sets rather than one vector clock per version: each sibling carries only the single dot of
 * the write that created it, while the set shares one context. A write supersedes exactly the siblings
 * whose dots its client context covers, so two writes that arrive with the same context, even through
 * the same coordinator, both get fresh dots that neither context covers and both survive as siblings.
 * Per-coordinator vector clocks would give the second write a clock that dominates the first and
 * silently drop it.
 *
 * <p>Actors are server nodes with incarnations (see {@link ActorId}, {@link Incarnations}), never
 * clients, so a context has one entry per node incarnation that ever coordinated a write of the key.
 */
public final class SiblingSets {

    /** Orders two versions that share a dot; used only to keep merge deterministic on corrupt input. */
    private static final Comparator<Version> SAME_DOT_TIE_BREAK = Comparator.comparing(
                    (Version version) -> version.tombstone())
            .thenComparingLong(Version::wallClockMillis)
            .thenComparing(Version::value, Arrays::compareUnsigned);

    private SiblingSets() {}

    /**
     * Reconciles two replicas' states of one key (DVV-set sync). A version of {@code a} survives when
     * {@code b} holds the same dot or {@code b}'s context has not seen its dot (so {@code b} cannot have
     * superseded it), and symmetrically; the context becomes the pointwise maximum.
     *
     * <p>Commutative, associative and idempotent, so replicas converge whatever order and however often
     * states are exchanged (read repair, hinted handoff, anti-entropy). Two versions with the same dot
     * are the same write; should they ever differ (corruption), the larger by a fixed order is kept so
     * the laws still hold.
     */
    public static SiblingSet merge(SiblingSet a, SiblingSet b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            return a;
        }
        Map<Dot, Version> byDotInB = byDot(b.versions());
        TreeMap<Dot, Version> kept = new TreeMap<>();
        for (Version version : a.versions()) {
            Version same = byDotInB.get(version.dot());
            if (same != null) {
                kept.put(version.dot(), SAME_DOT_TIE_BREAK.compare(version, same) >= 0 ? version : same);
            } else if (!b.context().covers(version.dot())) {
                kept.put(version.dot(), version);
            }
        }
        for (Version version : b.versions()) {
            if (!kept.containsKey(version.dot()) && !a.context().covers(version.dot())) {
                kept.put(version.dot(), version);
            }
        }
        return new SiblingSet(new ArrayList<>(kept.values()), join(a.context(), b.context()));
    }

    /**
     * The coordinator's new state after a client write (or, with {@code tombstone}, a delete).
     *
     * <p>The new dot is {@code (coordinator, n + 1)} where {@code n} is the highest counter of the
     * coordinator known to either {@code local} or {@code clientContext}. Usually that is
     * {@code local.context().counter(coordinator)}; also taking the client's view guards against
     * reissuing a dot when the local state for the key was lost (for example a
     * tombstone purged too early) while a client still holds a context that covers the old dot.
     * Every local version covered by {@code clientContext} is replaced; the others stay as siblings of
     * the new version. The new context is the join of both contexts plus the new dot.
     *
     * <p>Pitfall: the caller must hold the key's read-modify-write lock (or equivalent) so that two
     * writes of the same key on one coordinator see each other's results; otherwise both would take the
     * same dot.
     *
     * @param clientContext the context the client read (decode it with {@link SiblingSetCodec#decodeContext});
     *     {@link VersionVector#EMPTY} for a blind write, which then becomes a sibling of any existing data
     */
    public static SiblingSet write(
            SiblingSet local,
            VersionVector clientContext,
            ActorId coordinator,
            byte[] value,
            boolean tombstone,
            long wallClockMillis) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(clientContext, "clientContext");
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(value, "value");
        long counter = Math.max(local.context().counter(coordinator), clientContext.counter(coordinator));
        if (counter == Long.MAX_VALUE) {
            throw new IllegalStateException("dot counter of " + coordinator + " exhausted");
        }
        Dot dot = new Dot(coordinator, counter + 1);
        List<Version> versions = new ArrayList<>();
        for (Version version : local.versions()) {
            if (!clientContext.covers(version.dot())) {
                versions.add(version);
            }
        }
        versions.add(tombstone ? Version.tombstone(dot, wallClockMillis) : Version.of(dot, value, wallClockMillis));
        TreeMap<ActorId, Long> context =
                new TreeMap<>(join(local.context(), clientContext).entries());
        context.put(coordinator, dot.counter());
        return new SiblingSet(versions, new VersionVector(context));
    }

    /**
     * Drops every version whose dot {@code context} covers and joins {@code context} into the set's; the
     * same as merging with an empty set that has seen {@code context}.
     */
    public static SiblingSet discardCovered(SiblingSet set, VersionVector context) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(context, "context");
        List<Version> kept = set.versions().stream()
                .filter(version -> !context.covers(version.dot()))
                .toList();
        return new SiblingSet(kept, join(set.context(), context));
    }

    /**
     * Whether {@code replica} lacks something of {@code reconciled}, that is, merging the reconciled
     * state into it changes it. The read path repairs exactly the replicas for which this is true.
     */
    public static boolean isStale(SiblingSet replica, SiblingSet reconciled) {
        return !merge(replica, reconciled).equals(replica);
    }

    /** The pointwise maximum: the history that has seen everything either vector has seen. */
    public static VersionVector join(VersionVector a, VersionVector b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (b.isEmpty() || a.equals(b)) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        TreeMap<ActorId, Long> joined = new TreeMap<>(a.entries());
        b.entries().forEach((actor, counter) -> joined.merge(actor, counter, Math::max));
        return new VersionVector(joined);
    }

    /** How history {@code a} relates to history {@code b}. */
    public static Occurred compare(VersionVector a, VersionVector b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        boolean aHasMore = hasSomethingTheOtherLacks(a, b);
        boolean bHasMore = hasSomethingTheOtherLacks(b, a);
        if (aHasMore && bHasMore) {
            return Occurred.CONCURRENTLY;
        }
        if (aHasMore) {
            return Occurred.AFTER;
        }
        return bHasMore ? Occurred.BEFORE : Occurred.EQUAL;
    }

    /** Whether {@code a} has seen everything {@code b} has and strictly more; never true for equal vectors. */
    public static boolean dominates(VersionVector a, VersionVector b) {
        return compare(a, b) == Occurred.AFTER;
    }

    /** Whether {@code a} has seen everything {@code b} has (equal or dominating). */
    public static boolean descends(VersionVector a, VersionVector b) {
        Occurred occurred = compare(a, b);
        return occurred == Occurred.AFTER || occurred == Occurred.EQUAL;
    }

    /**
     * Removes the context entries of retired actors, bounding context growth after many membership
     * changes, but never the entry of an actor whose dot a current sibling carries (that entry is kept
     * unchanged, so the context still covers every sibling).
     *
     * <p>Consequence: a pruned context has seen less than before, so a later merge may fail to recognise
     * an old version (still held by a replica, a hint or a stream) as superseded, and that version
     * reappears as a false sibling until a client write with a covering context replaces it. Pruning
     * never removes a version and never makes a context cover a dot it did not cover before, so it can
     * never make a concurrent version look superseded: it never loses a write.
     *
     * <p>Pitfall: {@code retired} must be true only for actors that will never coordinate a write again
     * (nodes that left long ago, older incarnations of live nodes), because an actor that writes again
     * after its entry was pruned could reissue an old dot. Version vector comparisons on pruned contexts
     * ({@link #compare}) may report {@code BEFORE} where the histories were concurrent; use
     * {@link #merge}, never {@code compare}, to decide which versions to drop.
     *
     * @see PruningPolicy
     */
    public static SiblingSet prune(SiblingSet set, Predicate<ActorId> retired) {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(retired, "retired");
        TreeMap<ActorId, Long> kept = new TreeMap<>();
        boolean changed = false;
        for (Map.Entry<ActorId, Long> entry : set.context().entries().entrySet()) {
            ActorId actor = entry.getKey();
            boolean carriedBySibling = set.versions().stream()
                    .anyMatch(version -> version.dot().actor().equals(actor));
            if (carriedBySibling || !retired.test(actor)) {
                kept.put(actor, entry.getValue());
            } else {
                changed = true;
            }
        }
        return changed ? new SiblingSet(set.versions(), new VersionVector(kept)) : set;
    }

    private static boolean hasSomethingTheOtherLacks(VersionVector vector, VersionVector other) {
        for (Map.Entry<ActorId, Long> entry : vector.entries().entrySet()) {
            if (entry.getValue() > other.counter(entry.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static Map<Dot, Version> byDot(List<Version> versions) {
        Map<Dot, Version> result = new TreeMap<>();
        for (Version version : versions) {
            result.put(version.dot(), version);
        }
        return result;
    }
}
