package io.ringkv.server.antientropy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.ring.RingSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The anti-entropy admin commands: {@code REPAIR} runs a pass now and answers its totals,
 * {@code MERKLE_ROOTS} answers {@code {partition: rootHashHex}} for every partition this node
 * replicates. Both block (a pass, or the first scan of a tree), so they run off the event loop and
 * answer asynchronously.
 */
public final class AntiEntropyAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String localNodeId;
    private final AntiEntropyService service;
    private final Supplier<RingSnapshot> ring;
    private final Executor storageExecutor;

    public AntiEntropyAdmin(
            String localNodeId, AntiEntropyService service, Supplier<RingSnapshot> ring, Executor storageExecutor) {
        this.localNodeId = Objects.requireNonNull(localNodeId, "localNodeId");
        this.service = Objects.requireNonNull(service, "service");
        this.ring = Objects.requireNonNull(ring, "ring");
        this.storageExecutor = Objects.requireNonNull(storageExecutor, "storageExecutor");
    }

    /** Runs a pass over every replicated partition and answers its totals as JSON. */
    public CompletionStage<Message> repair() {
        return service.runNow().handle((result, failure) -> {
            if (failure != null) {
                return ErrorReply.of(
                        ErrorCode.INTERNAL, localNodeId + " could not run anti-entropy: " + failure, false);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("node", localNodeId);
            body.put("sessions", result.sessions());
            body.put("failed_sessions", result.failedSessions());
            body.put("skipped_peers", result.skippedPeers());
            body.put("hashes_received", result.hashesReceived());
            body.put("keys_repaired", result.keysRepaired());
            body.put("keys_received", result.keysReceived());
            body.put("keys_sent", result.keysSent());
            body.put("bytes", result.bytesExchanged());
            body.put("duration_millis", result.durationMillis());
            return render(body);
        });
    }

    /** The root hash of every partition this node replicates, as 16 hex digits, by partition. */
    public CompletionStage<Message> merkleRoots() {
        return CompletableFuture.supplyAsync(this::roots, storageExecutor);
    }

    private Message roots() {
        RingSnapshot current = ring.get();
        if (current == null) {
            return ErrorReply.of(ErrorCode.UNAVAILABLE, localNodeId + " has not joined a ring yet", true);
        }
        Map<String, String> body = new LinkedHashMap<>();
        for (int partition :
                current.partitionsReplicatedBy(localNodeId).stream().sorted().toList()) {
            long root = service.forest().tree(partition).root();
            body.put(Integer.toString(partition), String.format("%016x", root));
        }
        return render(body);
    }

    private static Message render(Object body) {
        try {
            return new AdminReply(JSON.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            return ErrorReply.of(ErrorCode.INTERNAL, "could not render the report: " + impossible, true);
        }
    }
}
