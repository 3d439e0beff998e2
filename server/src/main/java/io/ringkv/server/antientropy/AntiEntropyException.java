package io.ringkv.server.antientropy;

/** An anti-entropy exchange failed: the peer refused a request, sent an unexpected reply, or timed out. */
public final class AntiEntropyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AntiEntropyException(String message) {
        super(message);
    }

    public AntiEntropyException(String message, Throwable cause) {
        super(message, cause);
    }
}
