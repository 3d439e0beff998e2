package io.ringkv.consistency.workload;

import io.ringkv.client.error.RingKvException;
import io.ringkv.protocol.ErrorCode;
import java.util.Locale;

/**
 * Turns an SDK failure into a history completion. The SDK tells a definite failure (the operation did
 * not take effect: {@code :fail}) from an unknown outcome ({@code :info}); reads change nothing, so a
 * failed read is always {@code :fail}, as Jepsen records it.
 */
public final class Outcomes {

    private Outcomes() {}

    /** The completion of a write (or add) that failed with {@code failure}. */
    public static Completion failedWrite(Object value, RuntimeException failure) {
        if (failure instanceof RingKvException ringKv && ringKv.definitelyNotApplied()) {
            return Completion.fail(value, errorName(failure));
        }
        return Completion.info(value, errorName(failure));
    }

    /** The completion of a read that failed with {@code failure}. */
    public static Completion failedRead(Object value, RuntimeException failure) {
        return Completion.fail(value, errorName(failure));
    }

    /** The {@code :error} keyword: the SDK's error code, or the exception's simple name. */
    static String errorName(RuntimeException failure) {
        if (failure instanceof RingKvException ringKv && ringKv.errorCode() != ErrorCode.NONE) {
            return ringKv.errorCode().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        // Failures the client detected itself: RequestTimeoutException -> request-timeout.
        String name = failure.getClass().getSimpleName().replaceFirst("Exception$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
