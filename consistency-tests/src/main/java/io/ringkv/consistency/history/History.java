package io.ringkv.consistency.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An immutable, ordered history of operations. Order is real-time order: an operation that appears
 * before another was observed before it; the {@link Op#index()} values are carried along but the
 * position in this list is what checkers use.
 */
public final class History implements Iterable<Op> {

    private static final History EMPTY = new History(List.of());

    private final List<Op> ops;

    private History(List<Op> ops) {
        this.ops = ops;
    }

    public static History of(List<Op> ops) {
        Objects.requireNonNull(ops, "ops");
        return ops.isEmpty() ? EMPTY : new History(List.copyOf(ops));
    }

    public static History empty() {
        return EMPTY;
    }

    public List<Op> ops() {
        return ops;
    }

    public int size() {
        return ops.size();
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    public Op get(int position) {
        return ops.get(position);
    }

    public Stream<Op> stream() {
        return ops.stream();
    }

    @Override
    public Iterator<Op> iterator() {
        return ops.iterator();
    }

    /** The operations that satisfy {@code keep}, in order. Indices are kept as they are. */
    public History filter(Predicate<Op> keep) {
        List<Op> kept = new ArrayList<>();
        for (Op op : ops) {
            if (keep.test(op)) {
                kept.add(op);
            }
        }
        return of(kept);
    }

    /** Only the operations of numbered (client) processes: nemesis operations and the like dropped. */
    public History clientOperations() {
        return filter(Op::isClientOperation);
    }

    /**
     * Pairs each client invocation with its completion, in invocation order, as Knossos does: the
     * completion is the next operation of the same process. Named processes (the nemesis) are skipped.
     *
     * @throws HistoryFormatException when a completion has no pending invocation, or completes an
     *     invocation of a different function
     */
    public List<OperationPair> pairs() {
        List<OperationPair> pairs = new ArrayList<>();
        Map<ProcessId, Integer> pendingByProcess = new HashMap<>();
        Map<Integer, Integer> pairSlotByInvocation = new HashMap<>();
        for (int position = 0; position < ops.size(); position++) {
            Op op = ops.get(position);
            if (!op.isClientOperation()) {
                continue;
            }
            if (op.isInvoke()) {
                // An earlier invocation left without completion stays indeterminate (its slot keeps null).
                pendingByProcess.put(op.process(), position);
                pairSlotByInvocation.put(position, pairs.size());
                pairs.add(new OperationPair(op, null, position, -1));
                continue;
            }
            Integer invocationPosition = pendingByProcess.remove(op.process());
            if (invocationPosition == null) {
                throw HistoryFormatException.atOperation(
                        position, "completion " + op + " has no pending invocation of process " + op.process());
            }
            Op invocation = ops.get(invocationPosition);
            if (!invocation.f().equals(op.f())) {
                throw HistoryFormatException.atOperation(
                        position,
                        "completion :" + op.f() + " does not match the invocation :" + invocation.f() + " of process "
                                + op.process());
            }
            int slot = pairSlotByInvocation.get(invocationPosition);
            pairs.set(slot, new OperationPair(invocation, op, invocationPosition, position));
        }
        return Collections.unmodifiableList(pairs);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof History history && ops.equals(history.ops);
    }

    @Override
    public int hashCode() {
        return ops.hashCode();
    }

    @Override
    public String toString() {
        return "History[" + ops.size() + " operations]";
    }
}
