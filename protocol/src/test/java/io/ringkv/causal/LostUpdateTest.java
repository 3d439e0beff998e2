package io.ringkv.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lost-update test: the case plain per-coordinator vector clocks get wrong. Two clients read the same
 * version and write through the same coordinator; both writes must survive as siblings.
 */
class LostUpdateTest {

    private static final ActorId NODE_A = new ActorId("node-a", 1);

    @Test
    void should_keep_both_writes_with_the_same_context_through_one_coordinator_until_a_covering_write() {
        SiblingSet initial = SiblingSetsTest.write(SiblingSet.EMPTY, VersionVector.EMPTY, NODE_A, "v0");
        VersionVector readContext = initial.context();

        SiblingSet first = SiblingSetsTest.write(initial, readContext, NODE_A, "alice");
        SiblingSet second = SiblingSetsTest.write(first, readContext, NODE_A, "bob");

        assertThat(SiblingSetsTest.values(second)).containsExactly("alice", "bob");
        assertThat(SiblingSetsTest.dots(second)).containsExactly(new Dot(NODE_A, 2), new Dot(NODE_A, 3));

        SiblingSet resolved = SiblingSetsTest.write(second, second.context(), NODE_A, "alice+bob");
        assertThat(SiblingSetsTest.values(resolved)).containsExactly("alice+bob");
        assertThat(resolved.context()).isEqualTo(VersionVector.of(Map.of(NODE_A, 4L)));
    }
}
