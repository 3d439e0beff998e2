package io.ringkv.benchmarks.load;

import io.ringkv.protocol.ErrorCode;

/**
 * A failed benchmark operation, labelled for the error table: the server's {@link ErrorCode} name when
 * a node answered with an error, otherwise {@code client:<what>} (a client-side timeout, a lost
 * connection, a client-side rejection).
 */
public final class OperationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String label;

    public OperationFailure(String label, String message, Throwable cause) {
        super(message, cause);
        this.label = label;
    }

    /** A failure a node reported with an error reply. */
    public static OperationFailure server(ErrorCode code, String message) {
        return new OperationFailure(code.name(), message, null);
    }

    /** A failure detected by the client itself. */
    public static OperationFailure client(String what, String message, Throwable cause) {
        return new OperationFailure("client:" + what, message, cause);
    }

    /** The label errors are counted under. */
    public String label() {
        return label;
    }
}
