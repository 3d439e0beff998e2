package io.ringkv.causal;

/**
 * Thrown when bytes handed to {@link SiblingSetCodec} are not a valid encoding: truncated, corrupt,
 * of an unknown format version, non-canonical, or claiming more data than they hold.
 *
 * <p>It is the only exception the decoders throw for bad input, so a caller at a boundary (the wire
 * protocol, the HTTP API, the storage engine) can turn it into a typed error reply without catching
 * anything broader. The stored bytes of a key come from this node or a peer, and the client context is
 * sent back by clients, so both must be treated as untrusted.
 */
public final class MalformedCausalDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedCausalDataException(String message) {
        super(message);
    }

    public MalformedCausalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
