package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.HistoryFormatException;
import java.util.List;

/**
 * A sequential specification: the states an object can be in, and what one operation does to a state.
 * The linearizability checker looks for an order of the history's operations, consistent with
 * real time, in which every step is legal.
 *
 * <p>States must be immutable values with {@code equals}/{@code hashCode} (the search memoises them);
 * {@code null} is a legal state (an empty register). Implementations must be thread-safe, which
 * immutable ones are.
 */
public interface Model {

    /** Returned by {@link #step} when an operation cannot happen in a state. */
    Object INCONSISTENT = Inconsistent.INCONSISTENT;

    /** A short name used in reports and on the command line, such as {@code cas-register}. */
    String name();

    Object initialState();

    /**
     * The state after {@code operation} takes effect in {@code state}, or {@link #INCONSISTENT} when it
     * cannot (a read that returned a different value, a compare-and-set whose expected value is not the
     * current one).
     */
    Object step(Object state, Operation operation);

    /**
     * Whether {@code operation} never changes the state in any state where it is legal (a register
     * read). The search linearizes a legal read-only operation as soon as it may and never tries
     * alternatives to that choice, which is sound: such an operation can always be moved to the front
     * of any linearization of the pending operations. Answering {@code false} is always safe.
     */
    default boolean isReadOnly(Operation operation) {
        return false;
    }

    /**
     * Rejects operations this model does not understand, before the search starts.
     *
     * @throws HistoryFormatException for an unknown function or a malformed value
     */
    default void validate(Operation operation) {}

    /**
     * Removes operations that cannot change the verdict, to shrink the search; the default removes
     * nothing. An implementation may only drop operations that are allowed never to happen (the
     * indeterminate ones) or that constrain nothing, and must keep the verdict exactly: a history is
     * linearizable after pruning if and only if it was before.
     */
    default List<Operation> prune(List<Operation> operations) {
        return operations;
    }

    /** Why {@code operation} cannot take effect in {@code state}, in the words of a report. */
    default String explain(Object state, Operation operation) {
        return "cannot apply " + operation.describe() + " in state " + describeState(state);
    }

    /** A state as it should appear in reports. */
    default String describeState(Object state) {
        return EdnPrinter.print(state);
    }

    /** The sentinel type of {@link #INCONSISTENT}. */
    enum Inconsistent {
        INCONSISTENT
    }
}
