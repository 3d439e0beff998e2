package io.ringkv.consistency.cluster;

import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.codec.MessageDecoder;
import io.ringkv.protocol.codec.MessageEncoder;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One blocking request over the binary protocol on a fresh connection: a 4-byte big-endian length, then
 * the encoded envelope; the reply is read the same way. For the harness's rare admin calls (the link
 * filter) and replica reads, where a connection per call costs nothing that matters.
 */
public final class BinaryCall {

    private static final AtomicLong REQUEST_IDS = new AtomicLong(1);

    private BinaryCall() {}

    /**
     * Sends {@code body} to {@code host:port} and returns the reply's body.
     *
     * @param timeout bounds the connect and the wait for the reply
     * @throws IOException when the node cannot be reached or does not answer in time
     */
    public static Message request(String host, int port, Message body, Duration timeout) throws IOException {
        int timeoutMillis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] frame = new MessageEncoder(ProtocolLimits.DEFAULT)
                    .encodeToBytes(Envelope.of(REQUEST_IDS.getAndIncrement(), body));
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
            int length = in.readInt();
            if (length < 0 || length > ProtocolLimits.DEFAULT.maxFrameBytes()) {
                throw new IOException("reply frame length " + length + " is out of bounds");
            }
            byte[] reply = new byte[length];
            in.readFully(reply);
            return new MessageDecoder(ProtocolLimits.DEFAULT)
                    .decode(ByteBuffer.wrap(reply))
                    .body();
        }
    }
}
