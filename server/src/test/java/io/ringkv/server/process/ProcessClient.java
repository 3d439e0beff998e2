package io.ringkv.server.process;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.message.GetRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutRequest;
import io.ringkv.server.cli.BinaryConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One-request-at-a-time binary calls to a node process, for the real-process tests. */
final class ProcessClient {

    private ProcessClient() {}

    static Message put(NodeProcesses.NodeProcess node, String key, String value, int w, Consistency consistency) {
        return call(node, new PutRequest(bytes(key), bytes(value), new byte[0], w, consistency, 0));
    }

    static Message get(NodeProcesses.NodeProcess node, String key, int r) {
        return call(node, new GetRequest(bytes(key), r, Consistency.DEFAULT, 0));
    }

    static Message call(NodeProcesses.NodeProcess node, Message request) {
        try (BinaryConnection connection =
                BinaryConnection.open("127.0.0.1", node.binaryPort(), Duration.ofSeconds(10))) {
            return connection.request(request);
        } catch (IOException failure) {
            throw new UncheckedIOException("request to " + node.id() + " failed", failure);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
