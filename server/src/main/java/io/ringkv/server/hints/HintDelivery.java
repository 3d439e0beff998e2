package io.ringkv.server.hints;

import io.ringkv.causal.SiblingSet;
import io.ringkv.server.storage.StorageKey;
import java.util.concurrent.CompletionStage;

/**
 * Sends one hint to its owner (the node sends a {@code HintReplayRequest} and waits for the owner's
 * {@code ReplicaWriteReply}). The {@link HintReplayer} deletes the hint only after the stage completed
 * normally, so it must complete normally only once the owner has merged {@code set} into its replica
 * durably, and exceptionally on any failure or timeout. It must not block: the replayer calls it from its
 * scheduler and expects to start a whole batch at once.
 */
@FunctionalInterface
public interface HintDelivery {

    CompletionStage<Void> deliver(String owner, StorageKey key, SiblingSet set);
}
