package io.ringkv.server.coordinator;

import io.ringkv.server.storage.StorageKey;
import java.nio.charset.StandardCharsets;

/**
 * A client request after validation: where its key lives, whom to ask, and its effective settings.
 *
 * @param strict only the true preference list counts toward the quorum; no stand-ins
 */
record ResolvedRequest(StorageKey storageKey, ReplicaPlan plan, boolean strict, long timeoutMillis) {

    /** The key as it may appear in logs: printable and short. */
    String keyForLogs() {
        byte[] key = storageKey.key();
        String text = new String(key, 0, Math.min(key.length, 64), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?") + (key.length > 64 ? "…" : "");
    }
}
