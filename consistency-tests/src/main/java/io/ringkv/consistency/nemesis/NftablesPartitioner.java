package io.ringkv.consistency.nemesis;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partitions with nftables rules on the nodes' loopback address pairs: real packets are dropped in the
 * kernel, as Jepsen does with iptables. Needs root and a working {@code nft}; check with {@link
 * #isAvailable}. Clients on an address that no rule names (127.0.0.1) keep reaching every node.
 *
 * <p>The table is deleted on {@link #heal()} and {@link #close()}; a JVM shutdown hook deletes it too when
 * the JVM exits before {@link #close()} (a run interrupted with Ctrl-C or terminated), since a leftover
 * table would keep cutting the loopback addresses off after the test. A leftover from a run that was
 * killed outright (no hooks run) is replaced by the first partition and deleted by the next close.
 */
public final class NftablesPartitioner implements NetworkPartitioner {

    private static final Logger LOG = LoggerFactory.getLogger(NftablesPartitioner.class);

    private final CommandRunner commands;
    private final Map<String, String> addressByNode;
    private final Thread shutdownHook = new Thread(this::deleteTable, "ringkv-nftables-shutdown");

    /** @param addressByNode each node's IPv4 address */
    public NftablesPartitioner(CommandRunner commands, Map<String, String> addressByNode) {
        this.commands = commands;
        this.addressByNode = Map.copyOf(addressByNode);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** True when a table with an output-hook chain can be created and deleted here. */
    public static boolean isAvailable(CommandRunner commands) {
        try {
            CommandRunner.Result result = commands.run(NftablesRules.command(), NftablesRules.probeScript());
            if (!result.succeeded()) {
                LOG.info(
                        "nftables is not usable here ({}); partitions use the nodes' link filter",
                        result.output().strip());
            }
            return result.succeeded();
        } catch (IOException notInstalled) {
            LOG.info("nft cannot run here ({}); partitions use the nodes' link filter", notInstalled.getMessage());
            return false;
        }
    }

    /**
     * True when the suite's table exists now. Lists the tables without probing first: the {@link #isAvailable}
     * probe creates and deletes the table itself, which would hide one a partitioner left behind.
     */
    public static boolean tableExists(CommandRunner commands) {
        try {
            CommandRunner.Result tables = commands.run(List.of("nft", "list", "tables"), null);
            return tables.succeeded() && tables.output().contains(NftablesRules.TABLE);
        } catch (IOException notInstalled) {
            return false; // no nft, so no table either
        }
    }

    @Override
    public String mechanism() {
        return "nftables";
    }

    @Override
    public void partition(Grudge grudge) {
        run(NftablesRules.partitionScript(grudge, addressByNode), "install partition " + grudge.cut());
    }

    @Override
    public void heal() {
        run(NftablesRules.removeTableScript(), "delete table " + NftablesRules.TABLE);
    }

    @Override
    public void close() {
        deleteTable();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running its hooks, ours included: nothing to remove.
        }
    }

    private void deleteTable() {
        try {
            heal();
        } catch (IllegalStateException failure) {
            LOG.error("could not delete nftables table {}: {}", NftablesRules.TABLE, failure.getMessage());
        }
    }

    private void run(String script, String what) {
        try {
            CommandRunner.Result result = commands.run(NftablesRules.command(), script);
            if (!result.succeeded()) {
                throw new IllegalStateException("nft could not " + what + " (exit " + result.exitCode() + "): "
                        + result.output().strip());
            }
        } catch (IOException failure) {
            throw new IllegalStateException("nft could not " + what, failure);
        }
    }
}
