package io.ringkv.protocol;

/**
 * Membership state of a node, gossiped in {@code EndpointState} and shown in ring snapshots.
 *
 * <p>The wire value of each constant is fixed by {@code ringkv.fbs} ({@code enum NodeStatus : ubyte}); new constants are
 * appended there and here.
 */
public enum NodeStatus {
    /** Taking over partitions; receives writes for them while streaming, serves no reads yet. */
    JOINING(0),
    /** A full member serving its partitions. */
    NORMAL(1),
    /** Streaming its partitions away before leaving. */
    LEAVING(2),
    /** No longer a member; kept in gossip so that its departure spreads. */
    LEFT(3);

    private static final NodeStatus[] BY_WIRE_VALUE = indexByWireValue();

    private final int wireValue;

    NodeStatus(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The value of this constant in the FlatBuffers enum. */
    public int wireValue() {
        return wireValue;
    }

    /** The constant for a wire value, or {@code null} when this version does not define it. */
    public static NodeStatus fromWireValue(int wireValue) {
        return wireValue >= 0 && wireValue < BY_WIRE_VALUE.length ? BY_WIRE_VALUE[wireValue] : null;
    }

    private static NodeStatus[] indexByWireValue() {
        NodeStatus[] values = values();
        NodeStatus[] index = new NodeStatus[values.length];
        for (NodeStatus constant : values) {
            index[constant.wireValue] = constant;
        }
        return index;
    }
}
