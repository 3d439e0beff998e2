package io.ringkv.consistency.history;

/**
 * The {@code :process} of an operation: a client process number, or a named process such as Jepsen's
 * {@code :nemesis}. Exactly one of the two components is set.
 *
 * <p>Jepsen never reuses a client process number after an {@code :info} completion (the process is
 * considered crashed and a new number takes its place), which is what lets a checker treat every
 * invocation of one number as strictly sequential.
 *
 * @param number the client process number, or {@code null} for a named process
 * @param name the keyword name of a named process (without colon), or {@code null} for a client
 */
public record ProcessId(Long number, String name) {

    /** Jepsen's fault-injecting process; its operations are not client operations. */
    public static final ProcessId NEMESIS = named("nemesis");

    public ProcessId {
        if ((number == null) == (name == null)) {
            throw new IllegalArgumentException("a process is either a number or a name, not both or neither");
        }
    }

    public static ProcessId of(long number) {
        return new ProcessId(number, null);
    }

    public static ProcessId named(String name) {
        return new ProcessId(null, name);
    }

    /** True for numbered processes, the only ones whose operations linearizability checkers look at. */
    public boolean isClient() {
        return number != null;
    }

    /** The EDN form: {@code 3} or {@code :nemesis}. */
    @Override
    public String toString() {
        return number != null ? number.toString() : ":" + name;
    }
}
