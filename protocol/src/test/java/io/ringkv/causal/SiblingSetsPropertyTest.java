package io.ringkv.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seeded randomized checks of the DVV-set laws over states produced by random histories. */
class SiblingSetsPropertyTest {

    private static final int HISTORIES = 300;
    private static final int CHECKS_PER_HISTORY = 20;

    @Test
    void should_merge_commutatively_associatively_and_idempotently() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            Random random = new Random(seed);
            RandomHistory history = new RandomHistory(random).run(60, true, false);
            for (int check = 0; check < CHECKS_PER_HISTORY; check++) {
                SiblingSet a = history.randomObservedState();
                SiblingSet b = history.randomObservedState();
                SiblingSet c = history.randomObservedState();
                assertThat(SiblingSets.merge(a, b))
                        .as("commutative, seed %d", seed)
                        .isEqualTo(SiblingSets.merge(b, a));
                assertThat(SiblingSets.merge(SiblingSets.merge(a, b), c))
                        .as("associative, seed %d", seed)
                        .isEqualTo(SiblingSets.merge(a, SiblingSets.merge(b, c)));
                assertThat(SiblingSets.merge(a, a))
                        .as("idempotent, seed %d", seed)
                        .isEqualTo(a);
                SiblingSet ab = SiblingSets.merge(a, b);
                assertThat(SiblingSets.merge(ab, b))
                        .as("absorbs, seed %d", seed)
                        .isEqualTo(ab);
                assertThat(SiblingSets.isStale(ab, a))
                        .as("merged is not stale, seed %d", seed)
                        .isFalse();
            }
        }
    }

    @Test
    void should_never_lose_a_write_that_no_client_context_covered() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            RandomHistory history = new RandomHistory(new Random(seed)).run(80, true, false);
            Set<Dot> converged = dots(history.converged());
            for (RandomHistory.Write write : history.writes()) {
                boolean superseded = history.supersededByAClient(write.dot());
                assertThat(converged.contains(write.dot()))
                        .as("seed %d: write %s present iff not superseded (%s)", seed, write.dot(), superseded)
                        .isEqualTo(!superseded);
            }
        }
    }

    @Test
    void should_keep_the_new_version_and_the_uncovered_siblings_when_writing() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            Random random = new Random(seed);
            RandomHistory history = new RandomHistory(random).run(50, false, false);
            for (int check = 0; check < CHECKS_PER_HISTORY; check++) {
                ActorId coordinator =
                        history.actors().get(random.nextInt(history.actors().size()));
                SiblingSet local = history.replicas().get(history.actors().indexOf(coordinator));
                VersionVector clientContext = history.randomObservedContext();
                SiblingSet written = SiblingSets.write(local, clientContext, coordinator, new byte[] {7}, false, 42L);
                Dot newDot = new Dot(coordinator, written.context().counter(coordinator));

                assertThat(SiblingSets.merge(local, written))
                        .as("seed %d", seed)
                        .isEqualTo(written);
                assertThat(SiblingSets.compare(written.context(), local.context()))
                        .as("seed %d", seed)
                        .isEqualTo(Occurred.AFTER);
                assertThat(dots(written))
                        .as("seed %d", seed)
                        .contains(newDot)
                        .containsAll(local.versions().stream()
                                .map(Version::dot)
                                .filter(dot -> !clientContext.covers(dot))
                                .toList())
                        .noneMatch(dot -> !dot.equals(newDot) && clientContext.covers(dot));
                SiblingSet other = history.randomObservedState();
                assertThat(dots(SiblingSets.merge(other, written)))
                        .as("seed %d: the new write survives a merge with any earlier state", seed)
                        .contains(newDot);
            }
        }
    }

    @Test
    void should_never_let_a_vector_strictly_dominate_itself_and_compare_antisymmetrically() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            Random random = new Random(seed);
            RandomHistory history = new RandomHistory(random).run(40, true, false);
            for (int check = 0; check < CHECKS_PER_HISTORY; check++) {
                VersionVector a = history.randomObservedContext();
                VersionVector b = history.randomObservedContext();
                assertThat(SiblingSets.dominates(a, a)).as("seed %d", seed).isFalse();
                assertThat(SiblingSets.compare(a, a)).as("seed %d", seed).isEqualTo(Occurred.EQUAL);
                assertThat(SiblingSets.compare(b, a)).as("seed %d", seed).isEqualTo(inverse(SiblingSets.compare(a, b)));
                VersionVector joined = SiblingSets.join(a, b);
                assertThat(SiblingSets.descends(joined, a)).as("seed %d", seed).isTrue();
                assertThat(SiblingSets.descends(joined, b)).as("seed %d", seed).isTrue();
                assertThat(SiblingSets.dominates(a, b) && SiblingSets.dominates(b, a))
                        .as("seed %d", seed)
                        .isFalse();
            }
        }
    }

    static Set<Dot> dots(SiblingSet set) {
        return set.versions().stream().map(Version::dot).collect(Collectors.toSet());
    }

    private static Occurred inverse(Occurred occurred) {
        return switch (occurred) {
            case BEFORE -> Occurred.AFTER;
            case AFTER -> Occurred.BEFORE;
            case CONCURRENTLY, EQUAL -> occurred;
        };
    }
}
