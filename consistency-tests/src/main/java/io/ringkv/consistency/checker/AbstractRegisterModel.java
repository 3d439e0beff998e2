package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.HistoryFormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link RegisterModel} and {@link CasRegisterModel} share: a single value, {@code read} and
 * {@code write}, optionally {@code cas}, and the pruning that keeps crashed operations from blowing up
 * the search. The state is the register's value itself.
 */
abstract class AbstractRegisterModel implements Model {

    static final String READ = "read";
    static final String WRITE = "write";
    static final String CAS = "cas";

    private final Object initialValue;
    private final boolean nilReadsUnconstrained;

    AbstractRegisterModel(Object initialValue, boolean nilReadsUnconstrained) {
        this.initialValue = initialValue;
        this.nilReadsUnconstrained = nilReadsUnconstrained;
    }

    abstract boolean supportsCas();

    /** The value of the register before any write; {@code nil} unless configured. */
    public Object initialValue() {
        return initialValue;
    }

    /**
     * Whether an {@code :ok} read of {@code nil} places no constraint (Knossos' register models treat it
     * so); by default it means the read saw an empty register.
     */
    public boolean nilReadsUnconstrained() {
        return nilReadsUnconstrained;
    }

    @Override
    public Object initialState() {
        return initialValue;
    }

    @Override
    public Object step(Object state, Operation operation) {
        switch (operation.f()) {
            case READ:
                if (Objects.equals(state, operation.value()) || (nilReadsUnconstrained && operation.value() == null)) {
                    return state;
                }
                return INCONSISTENT;
            case WRITE:
                return operation.value();
            case CAS:
                List<?> oldAndNew = (List<?>) operation.value();
                return Objects.equals(state, oldAndNew.get(0)) ? oldAndNew.get(1) : INCONSISTENT;
            default:
                throw new IllegalStateException("operation was not validated: " + operation.describe());
        }
    }

    @Override
    public boolean isReadOnly(Operation operation) {
        return operation.f().equals(READ);
    }

    @Override
    public void validate(Operation operation) {
        String f = operation.f();
        boolean known = f.equals(READ) || f.equals(WRITE) || (supportsCas() && f.equals(CAS));
        if (!known) {
            throw HistoryFormatException.atOperation(
                    operation.invocationPosition(),
                    "function :" + f + " is not supported by model " + name() + " (it knows :read, :write"
                            + (supportsCas() ? ", :cas)" : ")"));
        }
        if (f.equals(CAS) && !(operation.value() instanceof List<?> pair && pair.size() == 2)) {
            throw HistoryFormatException.atOperation(
                    operation.invocationPosition(),
                    ":cas needs an [expected new] value, found " + EdnPrinter.print(operation.value()));
        }
    }

    /**
     * Drops what cannot matter: indeterminate reads (they change nothing and promise nothing), and
     * indeterminate writes or compare-and-sets whose resulting value nobody ever observes (no read
     * returned it, no compare-and-set expected it). Such a write can always be left out of a
     * linearization: no operation between it and the next write depends on its value. Dropping one can
     * make another unobserved, so this repeats until nothing changes.
     */
    @Override
    public List<Operation> prune(List<Operation> operations) {
        List<Operation> kept = new ArrayList<>(operations.size());
        for (Operation operation : operations) {
            boolean constrainsNothing = operation.f().equals(READ)
                    && (operation.isIndeterminate() || (nilReadsUnconstrained && operation.value() == null));
            if (!constrainsNothing) {
                kept.add(operation);
            }
        }
        boolean changed = true;
        while (changed) {
            Set<Object> observed = observedValues(kept);
            List<Operation> next = new ArrayList<>(kept.size());
            for (Operation operation : kept) {
                boolean unobservedCrash = operation.isIndeterminate()
                        && !operation.f().equals(READ)
                        && !observed.contains(producedValue(operation));
                if (!unobservedCrash) {
                    next.add(operation);
                }
            }
            changed = next.size() != kept.size();
            kept = next;
        }
        return kept;
    }

    @Override
    public String explain(Object state, Operation operation) {
        String current = describeState(state);
        return switch (operation.f()) {
            case READ -> "can't read " + EdnPrinter.print(operation.value()) + " from register " + current;
            case CAS -> {
                List<?> oldAndNew = (List<?>) operation.value();
                yield "can't CAS " + current + " from " + EdnPrinter.print(oldAndNew.get(0)) + " to "
                        + EdnPrinter.print(oldAndNew.get(1));
            }
            default -> "can't " + operation.f() + " " + EdnPrinter.print(operation.value()) + " in register " + current;
        };
    }

    @Override
    public String toString() {
        return name() + "(initial " + EdnPrinter.print(initialValue)
                + (nilReadsUnconstrained ? ", nil reads unconstrained)" : ")");
    }

    private static Set<Object> observedValues(List<Operation> operations) {
        Set<Object> observed = new HashSet<>();
        for (Operation operation : operations) {
            if (operation.f().equals(READ)) {
                observed.add(operation.value());
            } else if (operation.f().equals(CAS)) {
                observed.add(((List<?>) operation.value()).get(0));
            }
        }
        return observed;
    }

    private static Object producedValue(Operation operation) {
        return operation.f().equals(CAS) ? ((List<?>) operation.value()).get(1) : operation.value();
    }
}
