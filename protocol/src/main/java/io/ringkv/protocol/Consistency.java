package io.ringkv.protocol;

/**
 * Consistency a client asks for on one operation (DESIGN.md §6). An unknown value from a newer peer is
 * rejected with {@link ErrorCode#BAD_REQUEST}: guessing a weaker mode would silently break a guarantee.
 *
 * <p>The wire value of each constant is fixed by {@code ringkv.fbs} ({@code enum Consistency : ubyte}); new constants are
 * appended there and here.
 */
public enum Consistency {
    /** Use the node's configured default mode. */
    DEFAULT(0),
    /** Sloppy quorum: down replicas are replaced by stand-ins that keep a hint; always writable. */
    EVENTUAL(1),
    /** Only the true preference list counts toward R and W; fails fast when the quorum is unreachable. */
    STRICT(2),
    /** Single-key linearizable register (two-phase ABD); unavailable in a minority partition. */
    LINEARIZABLE(3);

    private static final Consistency[] BY_WIRE_VALUE = indexByWireValue();

    private final int wireValue;

    Consistency(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The value of this constant in the FlatBuffers enum. */
    public int wireValue() {
        return wireValue;
    }

    /** The constant for a wire value, or {@code null} when this version does not define it. */
    public static Consistency fromWireValue(int wireValue) {
        return wireValue >= 0 && wireValue < BY_WIRE_VALUE.length ? BY_WIRE_VALUE[wireValue] : null;
    }

    private static Consistency[] indexByWireValue() {
        Consistency[] values = values();
        Consistency[] index = new Consistency[values.length];
        for (Consistency constant : values) {
            index[constant.wireValue] = constant;
        }
        return index;
    }
}
