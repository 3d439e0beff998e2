package io.ringkv.consistency.report;

import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.Op;
import io.ringkv.consistency.history.OperationPair;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Extracts {@link TimedOperation}s from a history: the first step of every report computation. */
public final class TimedOperations {

    private TimedOperations() {}

    /**
     * The client operations of {@code history} in invocation order. Invocations without a {@code :time}
     * are left out, since they cannot be placed on the clock; nemesis operations are left out too.
     *
     * @throws io.ringkv.consistency.history.HistoryFormatException when the history cannot be paired
     */
    public static List<TimedOperation> of(History history) {
        List<TimedOperation> operations = new ArrayList<>();
        for (OperationPair pair : history.pairs()) {
            Op invocation = pair.invocation();
            if (invocation.timeNanos().isEmpty()) {
                continue;
            }
            Op completion = pair.completion();
            OptionalLong completeNanos = completion == null ? OptionalLong.empty() : completion.timeNanos();
            operations.add(new TimedOperation(
                    pair.process(),
                    pair.f(),
                    pair.outcome(),
                    invocation.timeNanos().getAsLong(),
                    completeNanos,
                    invocation.value(),
                    completion == null ? null : completion.value(),
                    completion == null ? null : completion.error()));
        }
        return List.copyOf(operations);
    }

    /** The latest {@code :time} in the history (nemesis operations included), or 0 when none has one. */
    public static long endNanos(History history) {
        long end = 0;
        for (Op op : history) {
            if (op.timeNanos().isPresent()) {
                end = Math.max(end, op.timeNanos().getAsLong());
            }
        }
        return end;
    }
}
