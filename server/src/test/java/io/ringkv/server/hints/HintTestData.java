package io.ringkv.server.hints;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.Version;
import io.ringkv.causal.VersionVector;
import io.ringkv.server.storage.StorageKey;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Keys and sibling sets for hint tests, built with the real causal operations. */
final class HintTestData {

    private HintTestData() {}

    static StorageKey key(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return new StorageKey(Math.floorMod(name.hashCode(), 64), name.hashCode() * 0x9E3779B97F4A7C15L, bytes);
    }

    /** A blind write of {@code value} coordinated by {@code node}: concurrent with every other node's. */
    static SiblingSet blindWrite(String node, String value) {
        return SiblingSets.write(
                SiblingSet.EMPTY, VersionVector.EMPTY, new ActorId(node, 1), utf8(value), false, 1_000L);
    }

    /** A write by {@code node} that read {@code previous}: it supersedes every version of it. */
    static SiblingSet overwrite(SiblingSet previous, String node, String value) {
        return SiblingSets.write(previous, previous.context(), new ActorId(node, 1), utf8(value), false, 2_000L);
    }

    /** The values of the live siblings of {@code set}, in dot order. */
    static List<String> values(SiblingSet set) {
        return set.liveVersions().stream()
                .map(Version::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .toList();
    }

    /** Whether {@code set} holds everything {@code part} holds (merging {@code part} in changes nothing). */
    static boolean covers(SiblingSet set, SiblingSet part) {
        return SiblingSets.merge(set, part).equals(set);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
