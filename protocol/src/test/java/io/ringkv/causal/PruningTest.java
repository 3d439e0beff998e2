package io.ringkv.causal;

import static io.ringkv.causal.SiblingSetsTest.values;
import static io.ringkv.causal.SiblingSetsTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Pruning bounds context growth; at worst it brings back an old version as a false sibling, never loses one. */
class PruningTest {

    private static final ActorId OLD_A = new ActorId("node-a", 1);
    private static final ActorId NEW_A = new ActorId("node-a", 2);
    private static final ActorId NODE_B = new ActorId("node-b", 1);

    @Test
    void should_drop_entries_of_retired_actors_but_keep_those_a_sibling_carries() {
        SiblingSet set = write(SiblingSet.EMPTY, VersionVector.EMPTY, OLD_A, "old");
        set = write(set, VersionVector.EMPTY, NODE_B, "b");
        set = SiblingSets.discardCovered(set, VersionVector.of(Map.of(new ActorId("gone", 7), 9L)));

        SiblingSet pruned = SiblingSets.prune(set, actor -> !actor.equals(NODE_B));

        assertThat(pruned.context()).isEqualTo(VersionVector.of(Map.of(OLD_A, 1L, NODE_B, 1L)));
        assertThat(pruned.versions()).isEqualTo(set.versions());
        assertThat(SiblingSets.prune(pruned, actor -> true)).isSameAs(pruned);
    }

    @Test
    void should_at_worst_bring_back_a_superseded_version_as_a_false_sibling() {
        SiblingSet stale = write(SiblingSet.EMPTY, VersionVector.EMPTY, OLD_A, "v1");
        SiblingSet current = write(stale, stale.context(), NODE_B, "v2");
        assertThat(values(SiblingSets.merge(current, stale))).containsExactly("v2");

        SiblingSet pruned = SiblingSets.prune(current, new PruningPolicy(Set.of(), Map.of("node-a", 2L)));

        assertThat(pruned.context()).isEqualTo(VersionVector.of(Map.of(NODE_B, 1L)));
        assertThat(values(SiblingSets.merge(pruned, stale))).containsExactlyInAnyOrder("v1", "v2");
    }

    @Test
    void should_never_let_merge_drop_a_concurrent_sibling_after_pruning() {
        SiblingSet base = write(SiblingSet.EMPTY, VersionVector.EMPTY, OLD_A, "base");
        SiblingSet concurrentOld = write(base, VersionVector.EMPTY, OLD_A, "concurrent-by-old");
        SiblingSet onB = write(base, base.context(), NODE_B, "by-b");
        SiblingSet replicaOne = SiblingSets.merge(concurrentOld, onB);
        Predicate<ActorId> retired = new PruningPolicy(Set.of("node-a"), Map.of());

        SiblingSet pruned = SiblingSets.prune(replicaOne, retired);
        SiblingSet restartedWrite = write(SiblingSet.EMPTY, VersionVector.EMPTY, NEW_A, "by-new-a");

        SiblingSet merged = SiblingSets.merge(SiblingSets.merge(pruned, onB), restartedWrite);
        assertThat(pruned.context().counter(OLD_A)).isEqualTo(2L);
        assertThat(values(merged)).containsExactlyInAnyOrder("concurrent-by-old", "by-b", "by-new-a");
    }

    @Test
    void should_keep_every_version_an_unpruned_merge_keeps() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            RandomHistory history = new RandomHistory(random).run(80, true, false);
            Predicate<ActorId> retired = history.retiredPredicate();
            for (int check = 0; check < 10; check++) {
                SiblingSet a = history.randomObservedState();
                SiblingSet b = history.randomObservedState();
                SiblingSet unpruned = SiblingSets.merge(a, b);
                SiblingSet prunedA = SiblingSets.prune(a, retired);
                assertThat(prunedA.versions()).as("seed %d", seed).isEqualTo(a.versions());
                assertThat(SiblingSets.merge(prunedA, b).versions())
                        .as("seed %d", seed)
                        .containsAll(unpruned.versions());
                assertThat(SiblingSets.merge(prunedA, SiblingSets.prune(b, retired))
                                .versions())
                        .as("seed %d", seed)
                        .containsAll(unpruned.versions());
            }
        }
    }

    @Test
    void should_never_lose_a_write_in_random_histories_that_prune_retired_incarnations() {
        int effectivePrunes = 0;
        for (long seed = 1; seed <= 300; seed++) {
            RandomHistory history = new RandomHistory(new Random(seed)).run(120, true, true);
            Set<Dot> converged = SiblingSetsPropertyTest.dots(history.converged());
            for (RandomHistory.Write write : history.writes()) {
                if (!history.supersededByAClient(write.dot())) {
                    assertThat(converged)
                            .as("seed %d: write %s was never superseded and must survive", seed, write.dot())
                            .contains(write.dot());
                }
            }
            effectivePrunes += history.effectivePrunes();
        }
        assertThat(effectivePrunes).as("the histories really pruned").isGreaterThan(100);
    }
}
