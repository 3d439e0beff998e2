package io.ringkv.protocol;

/**
 * Operator commands carried by {@code AdminRequest}; the reply's JSON body depends on the command.
 *
 * <p>The wire value of each constant is fixed by {@code ringkv.fbs} ({@code enum AdminCommand : ubyte}); new constants are
 * appended there and here.
 */
public enum AdminCommand {
    /** Node status: id, state, ring version, load. */
    STATUS(0),
    /** The node's current ring view. */
    RING(1),
    /** Make this node join the cluster and take over partitions. */
    JOIN(2),
    /** Leave the cluster after streaming this node's partitions away. */
    LEAVE(3),
    /** Like LEAVE, then stop the node. */
    DECOMMISSION(4),
    /** Remove a dead node (named by the argument) and reassign its partitions. */
    REMOVE(5),
    /** Run an anti-entropy pass now. */
    REPAIR(6),
    /** Root hashes of this node's Merkle trees. */
    MERKLE_ROOTS(7),
    /** Install a per-link drop filter used by fault-injection tests. */
    SET_LINK_FILTER(8);

    private static final AdminCommand[] BY_WIRE_VALUE = indexByWireValue();

    private final int wireValue;

    AdminCommand(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The value of this constant in the FlatBuffers enum. */
    public int wireValue() {
        return wireValue;
    }

    /** The constant for a wire value, or {@code null} when this version does not define it. */
    public static AdminCommand fromWireValue(int wireValue) {
        return wireValue >= 0 && wireValue < BY_WIRE_VALUE.length ? BY_WIRE_VALUE[wireValue] : null;
    }

    private static AdminCommand[] indexByWireValue() {
        AdminCommand[] values = values();
        AdminCommand[] index = new AdminCommand[values.length];
        for (AdminCommand constant : values) {
            index[constant.wireValue] = constant;
        }
        return index;
    }
}
