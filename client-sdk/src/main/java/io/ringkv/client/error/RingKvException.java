package io.ringkv.client.error;

import io.ringkv.protocol.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Root of every exception the SDK reports (unchecked).
 *
 * <p>The one question every caller of a write must be able to answer is <em>did it happen?</em>
 * {@link #definitelyNotApplied()} answers it:
 * <ul>
 *   <li>{@code true}: the operation certainly did not take effect. It was rejected before any replica
 *       stored it, or it never left this client. Retrying it is safe, and a history checker records it as
 *       a failure ({@code :fail}).
 *   <li>{@code false}: the outcome is <em>unknown</em>. The write may have been stored by some replicas
 *       (and may surface later through read repair and anti-entropy) or not at all. Retrying a blind
 *       write may apply it twice; a history checker records it as indeterminate ({@code :info}). Read
 *       the key to find out.
 * </ul>
 * Reads never change data, so a failed read always reports {@code true}.
 *
 * <p>{@link #errorCode()} is the code the coordinating node answered with, or {@link ErrorCode#NONE}
 * when the failure happened in the client (a timeout, a lost connection, a closed client).
 */
public class RingKvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean definitelyNotApplied;
    private final ErrorCode errorCode;
    private final String nodeId;

    /**
     * @param message what happened, for people
     * @param cause the underlying failure, or null
     * @param definitelyNotApplied see {@link #definitelyNotApplied()}
     * @param errorCode the server's code, {@link ErrorCode#NONE} for client-side failures
     * @param nodeId the node that reported the failure, or null
     */
    protected RingKvException(
            String message, Throwable cause, boolean definitelyNotApplied, ErrorCode errorCode, String nodeId) {
        super(message, cause);
        this.definitelyNotApplied = definitelyNotApplied;
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.nodeId = nodeId;
    }

    /** True when the operation certainly did not take effect; false when its outcome is unknown. */
    public boolean definitelyNotApplied() {
        return definitelyNotApplied;
    }

    /** The negation of {@link #definitelyNotApplied()}, for code that reads better asking this way. */
    public boolean outcomeUnknown() {
        return !definitelyNotApplied;
    }

    /** The server's error code, or {@link ErrorCode#NONE} when the client itself detected the failure. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The node that reported the failure, when one did. */
    public Optional<String> nodeId() {
        return Optional.ofNullable(nodeId);
    }
}
