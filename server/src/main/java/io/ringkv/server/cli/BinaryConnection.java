package io.ringkv.server.cli;

import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.ProtocolVersion;
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

/**
 * A minimal blocking binary-protocol connection: one request at a time, for the {@code admin} command
 * and for tests that must speak the wire protocol without the SDK. Applications use the SDK.
 */
public final class BinaryConnection implements AutoCloseable {

    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final MessageEncoder encoder = new MessageEncoder(ProtocolLimits.DEFAULT);
    private final MessageDecoder decoder = new MessageDecoder(ProtocolLimits.DEFAULT);
    private long nextRequestId = 1;

    private BinaryConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new DataOutputStream(socket.getOutputStream());
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects to {@code host:port}; {@code timeout} bounds the connect and every reply. */
    public static BinaryConnection open(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            return new BinaryConnection(socket);
        } catch (IOException failure) {
            socket.close();
            throw failure;
        }
    }

    /** Sends {@code body} and returns the reply's body. */
    public Message request(Message body) throws IOException {
        return exchange(Envelope.of(nextRequestId++, body)).body();
    }

    /** Sends {@code envelope} and returns the reply envelope. */
    public Envelope exchange(Envelope envelope) throws IOException {
        ByteBuffer encoded = encoder.encode(envelope);
        byte[] frame = new byte[encoded.remaining()];
        encoded.get(frame);
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
        return readReply();
    }

    /** Writes raw bytes (tests use it to send malformed frames). */
    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one reply frame. */
    public Envelope readReply() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > ProtocolLimits.DEFAULT.maxFrameBytes()) {
            throw new IOException("reply frame length " + length + " is out of bounds");
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return decoder.decode(ByteBuffer.wrap(frame));
    }

    /** The width of the length prefix in front of every frame. */
    public static int lengthFieldBytes() {
        return ProtocolVersion.LENGTH_FIELD_BYTES;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
