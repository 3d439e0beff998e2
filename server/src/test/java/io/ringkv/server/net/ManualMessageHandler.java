package io.ringkv.server.net;

import static org.awaitility.Awaitility.await;

import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A handler whose requests wait until the test answers them: every call is recorded with the future the
 * server waits on, so a test decides when, in what order and on which thread each request completes.
 */
final class ManualMessageHandler implements MessageHandler {

    /** One request the server handed over, and the reply the server waits for. */
    record Call(Envelope request, InboundConnection from, CompletableFuture<Message> reply) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Message> handle(Envelope request, InboundConnection from) {
        Call call = new Call(request, from, new CompletableFuture<>());
        calls.add(call);
        return call.reply();
    }

    int callCount() {
        return calls.size();
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** Waits until call number {@code index} (0-based) has arrived. */
    Call awaitCall(int index) {
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() > index);
        return calls.get(index);
    }

    /** Answers every call still waiting, so a server can close without draining. */
    void answerAll(Message reply) {
        for (Call call : calls) {
            call.reply().complete(reply);
        }
    }
}
