package io.ringkv.consistency.checker;

/**
 * A read/write register: {@code :write v} sets the value, {@code :read v} must return the current
 * value. An {@code :ok} read of {@code nil} means the reader saw an empty register, which is what a
 * key-value store returns for a missing key; {@link #withNilReadsUnconstrained()} switches to Knossos'
 * rule, under which such a read constrains nothing. Immutable.
 */
public final class RegisterModel extends AbstractRegisterModel {

    private RegisterModel(Object initialValue, boolean nilReadsUnconstrained) {
        super(initialValue, nilReadsUnconstrained);
    }

    /** A register that starts empty ({@code nil}). */
    public static RegisterModel create() {
        return new RegisterModel(null, false);
    }

    /** A register that starts with {@code initialValue} (a value of the history value model). */
    public static RegisterModel withInitialValue(Object initialValue) {
        return new RegisterModel(initialValue, false);
    }

    /** This model, except that {@code :ok} reads of {@code nil} constrain nothing (Knossos' rule). */
    public RegisterModel withNilReadsUnconstrained() {
        return new RegisterModel(initialValue(), true);
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    boolean supportsCas() {
        return false;
    }
}
