package io.ringkv.causal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiblingSetsTest {

    private static final ActorId NODE_A = new ActorId("node-a", 1);
    private static final ActorId NODE_B = new ActorId("node-b", 1);
    private static final ActorId NODE_C = new ActorId("node-c", 1);

    @Test
    void should_keep_both_siblings_when_the_same_context_goes_through_different_coordinators() {
        SiblingSet initial = write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_A, "v0");
        SiblingSet onA = write(initial, initial.context(), NODE_A, "alice");
        SiblingSet onB = write(initial, initial.context(), NODE_B, "bob");

        SiblingSet merged = SiblingSets.merge(onA, onB);

        assertThat(values(merged)).containsExactlyInAnyOrder("alice", "bob");
        assertThat(SiblingSets.compare(onA.context(), onB.context())).isEqualTo(Occurred.CONCURRENTLY);
        assertThat(SiblingSets.isStale(onA, merged)).isTrue();
        assertThat(SiblingSets.isStale(merged, onA)).isFalse();
    }

    @Test
    void should_make_a_blind_write_a_sibling_of_existing_data() {
        SiblingSet existing = write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_A, "old");

        SiblingSet blind = write(existing, VersionVector.EMPTY, NODE_A, "blind");

        assertThat(values(blind)).containsExactly("old", "blind");
    }

    @Test
    void should_replace_the_value_with_a_tombstone_when_a_delete_covers_it() {
        SiblingSet existing = write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_A, "value");

        SiblingSet deleted = SiblingSets.write(existing, existing.context(), NODE_B, new byte[0], true, 10L);

        assertThat(deleted.versions()).containsExactly(Version.tombstone(new Dot(NODE_B, 1), 10L));
        assertThat(deleted.isAbsent()).isTrue();
        assertThat(SiblingSets.merge(existing, deleted)).isEqualTo(deleted);
    }

    @Test
    void should_keep_both_a_tombstone_and_a_concurrent_write() {
        SiblingSet existing = write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_A, "value");
        SiblingSet deleted = SiblingSets.write(existing, existing.context(), NODE_B, new byte[0], true, 10L);
        SiblingSet updated = write(existing, existing.context(), NODE_C, "update");

        SiblingSet merged = SiblingSets.merge(deleted, updated);

        assertThat(merged.versions()).hasSize(2);
        assertThat(merged.isAbsent()).isFalse();
        assertThat(values(merged)).containsExactly("update");
        assertThat(merged.versions()).filteredOn(Version::tombstone).hasSize(1);
    }

    @Test
    void should_supersede_versions_the_client_saw_on_another_replica() {
        SiblingSet onB = write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_B, "from-b");
        SiblingSet onA = write(SiblingSet.EMPTY, onB.context(), NODE_A, "from-a");

        assertThat(SiblingSets.merge(onA, onB).versions()).isEqualTo(onA.versions());
    }

    @Test
    void should_take_the_next_counter_above_what_the_client_has_seen_when_local_state_is_behind() {
        SiblingSet first = write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_A, "first");

        SiblingSet afterLoss = write(SiblingSet.EMPTY, first.context(), NODE_A, "second");

        assertThat(dots(afterLoss)).containsExactly(new Dot(NODE_A, 2));
    }

    @Test
    void should_discard_covered_versions_and_join_the_context() {
        SiblingSet onA = write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_A, "a");
        SiblingSet both = SiblingSets.merge(onA, write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_B, "b"));
        VersionVector seen = VersionVector.of(Map.of(NODE_A, 1L, NODE_C, 3L));

        SiblingSet discarded = SiblingSets.discardCovered(both, seen);

        assertThat(values(discarded)).containsExactly("b");
        assertThat(discarded.context()).isEqualTo(VersionVector.of(Map.of(NODE_A, 1L, NODE_B, 1L, NODE_C, 3L)));
    }

    @Test
    void should_compare_version_vectors_with_voldemort_vocabulary() {
        VersionVector small = VersionVector.of(Map.of(NODE_A, 1L));
        VersionVector large = VersionVector.of(Map.of(NODE_A, 2L, NODE_B, 1L));
        VersionVector other = VersionVector.of(Map.of(NODE_C, 1L));

        assertThat(SiblingSets.compare(small, large)).isEqualTo(Occurred.BEFORE);
        assertThat(SiblingSets.compare(large, small)).isEqualTo(Occurred.AFTER);
        assertThat(SiblingSets.compare(large, other)).isEqualTo(Occurred.CONCURRENTLY);
        assertThat(SiblingSets.compare(VersionVector.EMPTY, VersionVector.EMPTY))
                .isEqualTo(Occurred.EQUAL);
        assertThat(SiblingSets.dominates(large, small)).isTrue();
        assertThat(SiblingSets.dominates(large, large)).isFalse();
        assertThat(SiblingSets.join(small, other)).isEqualTo(VersionVector.of(Map.of(NODE_A, 1L, NODE_C, 1L)));
    }

    @Test
    void should_merge_deterministically_when_two_versions_share_a_dot() {
        Dot dot = new Dot(NODE_A, 1);
        VersionVector context = VersionVector.of(Map.of(NODE_A, 1L));
        SiblingSet left = new SiblingSet(List.of(Version.of(dot, bytes("x"), 1L)), context);
        SiblingSet right = new SiblingSet(List.of(Version.of(dot, bytes("y"), 1L)), context);

        assertThat(SiblingSets.merge(left, right)).isEqualTo(SiblingSets.merge(right, left));
        assertThat(values(SiblingSets.merge(left, right))).containsExactly("y");
    }

    @Test
    void should_refuse_to_write_when_the_coordinator_counter_is_exhausted() {
        SiblingSet full = new SiblingSet(List.of(), VersionVector.of(Map.of(NODE_A, Long.MAX_VALUE)));

        assertThatThrownBy(() -> write(full, VersionVector.EMPTY, NODE_A, "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    static SiblingSet write(SiblingSet local, VersionVector context, ActorId coordinator, String value) {
        return SiblingSets.write(local, context, coordinator, bytes(value), false, 1L);
    }

    static List<String> values(SiblingSet set) {
        return set.liveVersions().stream()
                .map(version -> new String(version.value(), UTF_8))
                .toList();
    }

    static List<Dot> dots(SiblingSet set) {
        return set.versions().stream().map(Version::dot).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
