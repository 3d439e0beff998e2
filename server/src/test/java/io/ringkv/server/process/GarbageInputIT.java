package io.ringkv.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.GetReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.PutReply;
import io.ringkv.server.cli.BinaryConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue scenario (d): garbage, truncated and oversized input on the binary and HTTP ports of a real node
 * gets an error or a closed connection; the node keeps serving and the data is intact.
 */
class GarbageInputIT {

    private static final long SEED = 0x6A5BA6EL;

    @TempDir
    Path root;

    @Test
    void should_survive_garbage_on_both_ports_with_data_intact() throws Exception {
        try (NodeProcesses cluster = new NodeProcesses(root, Map.of("partition-count", "256"))) {
            cluster.startCluster(3);
            NodeProcesses.NodeProcess node = cluster.node("n2");
            assertThat(ProcessClient.put(node, "precious", "kept", 3, Consistency.DEFAULT))
                    .isInstanceOf(PutReply.class);

            SplittableRandom random = new SplittableRandom(SEED);
            for (int round = 0; round < 20; round++) {
                byte[] garbage = new byte[1 + random.nextInt(2048)];
                random.nextBytes(garbage);
                assertAnsweredOrClosed(node.binaryPort(), garbage);
                assertAnsweredOrClosed(node.httpPort(), garbage);
            }
            // A frame announcing 2 GiB: refused without buffering it.
            assertAnsweredOrClosed(
                    node.binaryPort(),
                    ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(7).array());
            // A well-formed length prefix followed by fewer bytes than it announced, then the socket closes.
            assertAnsweredOrClosed(
                    node.binaryPort(),
                    ByteBuffer.allocate(12).putInt(100).putLong(42).array());
            // A frame whose length is right but whose content is not a FlatBuffers envelope gets an error reply.
            try (BinaryConnection connection =
                    BinaryConnection.open("127.0.0.1", node.binaryPort(), Duration.ofSeconds(5))) {
                byte[] body = "definitely not flatbuffers".getBytes(StandardCharsets.US_ASCII);
                connection.writeRaw(ByteBuffer.allocate(4 + body.length)
                        .putInt(body.length)
                        .put(body)
                        .array());
                Envelope reply = connection.readReply();
                assertThat(reply.body()).isInstanceOf(ErrorReply.class);
            }
            // HTTP: a request line that is not HTTP, bad JSON, and a body far over the limit.
            assertThat(httpStatus(
                            node.httpPort(),
                            "PUT /kv/x HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 9\r\n\r\n{not json"))
                    .startsWith("HTTP/1.1 4");
            assertThat(httpStatus(
                            node.httpPort(), "PUT /kv/x HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999\r\n\r\n"))
                    .satisfiesAnyOf(
                            status -> assertThat(status).startsWith("HTTP/1.1 4"),
                            status -> assertThat(status).isEmpty());

            for (String id : cluster.ids()) {
                Message reply = ProcessClient.get(cluster.node(id), "precious", 3);
                assertThat(reply).isInstanceOf(GetReply.class);
                assertThat(new String(((GetReply) reply).siblings().get(0).value(), StandardCharsets.UTF_8))
                        .isEqualTo("kept");
            }
        }
    }

    /** Sends {@code bytes}; the node must answer something or close the connection, not hang or die. */
    private static void assertAnsweredOrClosed(int port, byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException closedWhileWriting) {
                return;
            }
            InputStream in = socket.getInputStream();
            try {
                while (in.read(new byte[4096]) != -1) {
                    // Drain whatever error the node answers until it closes (it must, after our shutdown).
                }
            } catch (SocketTimeoutException hung) {
                throw new AssertionError("the node neither answered nor closed within 5 s", hung);
            } catch (IOException reset) {
                // A reset is a closed connection.
            }
        }
    }

    private static String httpStatus(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[512];
            int read = socket.getInputStream().read(buffer);
            if (read <= 0) {
                return "";
            }
            String head = new String(buffer, 0, read, StandardCharsets.US_ASCII);
            return head.lines().findFirst().orElse("");
        } catch (IOException closed) {
            return "";
        }
    }
}
