package io.ringkv.consistency.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VisitedStatesTest {

    @Test
    void should_add_each_pair_once_across_growth_and_copy_the_bitset() {
        VisitedStates visited = new VisitedStates();
        SplittableRandom random = new SplittableRandom(5);
        Set<List<Object>> reference = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            long[] bits = {random.nextInt(64), random.nextInt(4)};
            Object state = random.nextInt(5) == 0 ? null : (Object) (long) random.nextInt(6);
            long hash = bits[0] * 31 + bits[1];

            boolean added = visited.add(bits, hash, state);
            bits[0] = -1;

            assertThat(added).as("iteration %d", i).isEqualTo(reference.add(Arrays.asList(hash, state)));
        }
        assertThat(visited.size()).isEqualTo(reference.size());
    }
}
