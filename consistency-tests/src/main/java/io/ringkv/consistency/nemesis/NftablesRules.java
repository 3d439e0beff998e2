package io.ringkv.consistency.nemesis;

import java.util.List;
import java.util.Map;

/**
 * The nftables scripts the partitioner feeds to {@code nft -f -} (pure text; nothing runs here).
 *
 * <p>Everything lives in one table, {@value #TABLE}, with one chain on the output hook: every packet a
 * node sends passes it, including on loopback, and a rule {@code ip saddr A ip daddr B drop} silently
 * drops what A sends to B. Each cut link gets a rule per direction. A script first adds and then
 * deletes the table before defining it, so it replaces any earlier partition in one atomic transaction
 * (and works whether or not the table existed).
 */
public final class NftablesRules {

    /** The table the suite creates and always deletes. */
    public static final String TABLE = "ringkv_nemesis";

    private NftablesRules() {}

    /**
     * The script that installs exactly the drops of {@code grudge}.
     *
     * @param addressByNode each node's IPv4 address
     * @throws IllegalArgumentException when a node of the grudge has no address
     */
    public static String partitionScript(Grudge grudge, Map<String, String> addressByNode) {
        StringBuilder script = new StringBuilder(removeTableScript());
        script.append("table ip ").append(TABLE).append(" {\n");
        script.append("\tchain output {\n");
        script.append("\t\ttype filter hook output priority 0; policy accept;\n");
        for (Grudge.Link link : grudge.links()) {
            script.append("\t\tip saddr ")
                    .append(address(addressByNode, link.from()))
                    .append(" ip daddr ")
                    .append(address(addressByNode, link.to()))
                    .append(" drop\n");
        }
        script.append("\t}\n}\n");
        return script.toString();
    }

    /** Deletes the table if it exists (adding it first makes the delete succeed either way). */
    public static String removeTableScript() {
        return "add table ip " + TABLE + "\ndelete table ip " + TABLE + "\n";
    }

    /**
     * Creates the table with an output-hook chain and deletes it again: succeeds only where nftables
     * really works for this user (root, kernel support), which {@code nft} on the PATH alone does not
     * prove.
     */
    public static String probeScript() {
        return removeTableScript()
                + "table ip " + TABLE
                + " {\n\tchain output {\n\t\ttype filter hook output priority 0; policy accept;\n\t}\n}\n"
                + "delete table ip " + TABLE + "\n";
    }

    /** {@code nft -f -}: the script comes on standard input. */
    public static List<String> command() {
        return List.of("nft", "-f", "-");
    }

    private static String address(Map<String, String> addressByNode, String node) {
        String address = addressByNode.get(node);
        if (address == null) {
            throw new IllegalArgumentException("no address for node " + node + " in " + addressByNode.keySet());
        }
        return address;
    }
}
