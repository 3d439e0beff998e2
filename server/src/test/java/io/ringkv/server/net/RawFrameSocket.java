package io.ringkv.server.net;

import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.codec.MessageDecoder;
import io.ringkv.protocol.codec.MessageEncoder;
import io.ringkv.protocol.message.Envelope;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;

/**
 * A blocking {@link Socket} speaking raw frames, so tests can send a server bytes no well-behaved client
 * would: garbage, truncated frames, absurd length fields.
 */
final class RawFrameSocket implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final MessageEncoder encoder = new MessageEncoder(ProtocolLimits.DEFAULT);
    private final MessageDecoder decoder = new MessageDecoder(ProtocolLimits.DEFAULT);

    RawFrameSocket(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void writeBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void writeLength(int length) throws IOException {
        writeBytes(ByteBuffer.allocate(4).putInt(length).array());
    }

    void writeFrame(Envelope envelope) throws IOException {
        byte[] body = encoder.encodeToBytes(envelope);
        writeLength(body.length);
        writeBytes(body);
    }

    /** Reads one whole frame and decodes it; fails on a read timeout. */
    Envelope readFrame() throws IOException {
        int length = in.readInt();
        byte[] body = new byte[length];
        in.readFully(body);
        return decoder.decode(ByteBuffer.wrap(body));
    }

    /** True when the server closed the connection: the next read sees the end of the stream (or a reset). */
    boolean readsEndOfStream() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Half-closes: the server sees the end of our stream, as if the process had exited mid-frame. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
