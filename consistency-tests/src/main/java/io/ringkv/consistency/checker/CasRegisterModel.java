package io.ringkv.consistency.checker;

/**
 * A compare-and-set register: {@link RegisterModel}'s {@code :read} and {@code :write}, plus {@code
 * :cas [expected new]}, which succeeds only when the current value equals {@code expected} and then
 * sets {@code new}. A compare-and-set that found another value completes {@code :fail} and is removed
 * from the history before the model sees it, so every {@code :cas} the model sees must succeed.
 * Immutable.
 */
public final class CasRegisterModel extends AbstractRegisterModel {

    private CasRegisterModel(Object initialValue, boolean nilReadsUnconstrained) {
        super(initialValue, nilReadsUnconstrained);
    }

    /** A register that starts empty ({@code nil}). */
    public static CasRegisterModel create() {
        return new CasRegisterModel(null, false);
    }

    /** A register that starts with {@code initialValue} (a value of the history value model). */
    public static CasRegisterModel withInitialValue(Object initialValue) {
        return new CasRegisterModel(initialValue, false);
    }

    /** This model, except that {@code :ok} reads of {@code nil} constrain nothing (Knossos' rule). */
    public CasRegisterModel withNilReadsUnconstrained() {
        return new CasRegisterModel(initialValue(), true);
    }

    @Override
    public String name() {
        return "cas-register";
    }

    @Override
    boolean supportsCas() {
        return true;
    }
}
