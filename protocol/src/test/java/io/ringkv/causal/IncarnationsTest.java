package io.ringkv.causal;

import static io.ringkv.causal.SiblingSetsTest.values;
import static io.ringkv.causal.SiblingSetsTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkv.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IncarnationsTest {

    private static final long START_MILLIS = 1_700_000_000_000L;

    @Test
    void should_take_the_wall_clock_when_it_is_ahead_of_the_last_incarnation() {
        ManualClock clock = new ManualClock(0, START_MILLIS);

        assertThat(Incarnations.next(-1, clock)).isEqualTo(START_MILLIS);
        assertThat(Incarnations.next(START_MILLIS - 5_000, clock)).isEqualTo(START_MILLIS);
    }

    @Test
    void should_still_increase_when_the_wall_clock_went_back() {
        ManualClock clock = new ManualClock(0, START_MILLIS);

        assertThat(Incarnations.next(START_MILLIS + 60_000, clock)).isEqualTo(START_MILLIS + 60_001);
        assertThat(Incarnations.next(START_MILLIS, clock)).isEqualTo(START_MILLIS + 1);
        assertThatThrownBy(() -> Incarnations.next(Long.MAX_VALUE, clock)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void should_never_reuse_a_dot_after_restarting_from_an_older_backup() {
        ManualClock clock = new ManualClock(0, START_MILLIS);
        ActorId firstRun = new ActorId("node-a", Incarnations.next(-1, clock));
        SiblingSet afterOne = write(SiblingSet.EMPTY, VersionVector.EMPTY, firstRun, "w1");
        SiblingSet afterTwo = write(afterOne, VersionVector.EMPTY, firstRun, "w2");
        SiblingSet afterThree = write(afterTwo, VersionVector.EMPTY, firstRun, "w3");
        SiblingSet otherReplica = SiblingSets.merge(SiblingSet.EMPTY, afterThree);
        assertThat(otherReplica.context().counter(firstRun)).isEqualTo(3L);

        SiblingSet restoredFromBackup = afterOne;
        clock.advance(Duration.ofSeconds(30));
        ActorId secondRun = new ActorId("node-a", Incarnations.next(firstRun.incarnation(), clock));
        SiblingSet afterRestart = write(restoredFromBackup, VersionVector.EMPTY, secondRun, "w4");

        assertThat(secondRun.incarnation()).isGreaterThan(firstRun.incarnation());
        assertThat(SiblingSetsTest.dots(afterRestart)).contains(new Dot(secondRun, 1));
        assertThat(values(SiblingSets.merge(afterRestart, otherReplica)))
                .containsExactlyInAnyOrder("w1", "w2", "w3", "w4");
        assertThat(values(SiblingSets.merge(otherReplica, afterRestart)))
                .containsExactlyInAnyOrder("w1", "w2", "w3", "w4");
    }

    @Test
    void should_lose_a_write_if_a_restored_node_kept_its_old_incarnation() {
        ActorId sameRun = new ActorId("node-a", 1);
        SiblingSet afterOne = write(SiblingSet.EMPTY, VersionVector.EMPTY, sameRun, "w1");
        SiblingSet afterTwo = write(afterOne, VersionVector.EMPTY, sameRun, "w2");

        SiblingSet reissued = write(afterOne, VersionVector.EMPTY, sameRun, "w3");

        assertThat(SiblingSetsTest.dots(reissued)).contains(new Dot(sameRun, 2));
        assertThat(values(SiblingSets.merge(reissued, afterTwo)))
                .as("the reused dot a:2 makes w2 and w3 look like one write")
                .hasSize(2);
    }
}
