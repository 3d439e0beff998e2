package io.ringkv.testkit;

import io.ringkv.ring.RingSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Picks test keys by where the ring puts them. */
final class TestKeys {

    private TestKeys() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code count} keys {@code prefix-i} whose first replica (default coordinator) is {@code nodeId}. */
    static List<String> firstReplicaOn(RingSnapshot ring, String nodeId, String prefix, int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; keys.size() < count; i++) {
            if (i > 1_000_000) {
                throw new IllegalStateException("the ring gives " + nodeId + " no keys");
            }
            String key = prefix + "-" + i;
            if (ring.preferenceListForKey(utf8(key)).get(0).equals(nodeId)) {
                keys.add(key);
            }
        }
        return keys;
    }
}
