package io.ringkv.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.server.membership.PeerAddress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code admin --node HOST:PORT status|ring|decommission|remove <id>|repair|merkle-roots}: asks one node
 * over the binary protocol and prints a table, starts a membership change (decommission the node asked;
 * remove a dead node, driven by the node asked), runs an anti-entropy pass now, or lists its Merkle roots.
 */
@Command(
        name = "admin",
        description = "Show a node's view of the cluster (status, ring), decommission the node, or remove a dead node.")
public final class AdminCommand implements Callable<Integer> {

    @Option(names = "--node", required = true, description = "binary address of the node to ask, host:port")
    String node;

    @Parameters(index = "0", description = "status, ring, decommission, remove, repair or merkle-roots")
    String what;

    @Parameters(index = "1", arity = "0..1", description = "for remove: the id of the dead node")
    String argument;

    @Option(names = "--json", description = "print the raw JSON report")
    boolean json;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        io.ringkv.protocol.AdminCommand command = switch (what) {
            case "status" -> io.ringkv.protocol.AdminCommand.STATUS;
            case "ring" -> io.ringkv.protocol.AdminCommand.RING;
            case "decommission" -> io.ringkv.protocol.AdminCommand.DECOMMISSION;
            case "remove" -> io.ringkv.protocol.AdminCommand.REMOVE;
            case "repair" -> io.ringkv.protocol.AdminCommand.REPAIR;
            case "merkle-roots" -> io.ringkv.protocol.AdminCommand.MERKLE_ROOTS;
            default ->
                throw new IllegalArgumentException(
                        "expected status, ring, decommission, remove <id>, repair or merkle-roots, was " + what);
        };
        if (command == io.ringkv.protocol.AdminCommand.REMOVE && (argument == null || argument.isBlank())) {
            throw new IllegalArgumentException("remove needs the id of the dead node: admin --node H:P remove <id>");
        }
        PeerAddress address = PeerAddress.parse(node);
        Message reply;
        try (BinaryConnection connection =
                BinaryConnection.open(address.host(), address.port(), replyTimeout(command))) {
            reply = connection.request(new AdminRequest(command, argument == null ? "" : argument));
        }
        if (reply instanceof ErrorReply error) {
            System.err.println(node + " answered " + error.code() + ": " + error.message());
            return 1;
        }
        String body = ((AdminReply) reply).bodyJson();
        if (json) {
            out.println(body);
            return 0;
        }
        JsonNode report = new ObjectMapper().readTree(body);
        if (command == io.ringkv.protocol.AdminCommand.STATUS) {
            printStatus(report);
        } else if (command == io.ringkv.protocol.AdminCommand.REPAIR) {
            out.printf(
                    "%s: %d sessions (%d failed, %d peers skipped), %d hashes received, %d keys repaired, %d ms%n",
                    report.path("node").asText(),
                    report.path("sessions").asLong(),
                    report.path("failed_sessions").asLong(),
                    report.path("skipped_peers").asLong(),
                    report.path("hashes_received").asLong(),
                    report.path("keys_repaired").asLong(),
                    report.path("duration_millis").asLong());
        } else if (command == io.ringkv.protocol.AdminCommand.MERKLE_ROOTS) {
            report.fields()
                    .forEachRemaining(root -> out.printf(
                            "%8s %s%n", root.getKey(), root.getValue().asText()));
        } else if (command == io.ringkv.protocol.AdminCommand.DECOMMISSION
                || command == io.ringkv.protocol.AdminCommand.REMOVE) {
            out.printf(
                    "%s accepted %s of %s; follow it with: admin --node %s status%n",
                    node, report.path("accepted").asText(), report.path("node").asText(), node);
        } else {
            printRing(report);
        }
        return 0;
    }

    /** A repair pass may run for minutes under its I/O budget; every other command answers at once. */
    private static Duration replyTimeout(io.ringkv.protocol.AdminCommand command) {
        return command == io.ringkv.protocol.AdminCommand.REPAIR ? Duration.ofMinutes(30) : Duration.ofSeconds(5);
    }

    private void printStatus(JsonNode status) {
        out.printf(
                "node %s, cluster %s, ring version %d, engine %s, hints pending %d%n",
                status.path("node").asText(),
                status.path("cluster").asText(),
                status.path("ring_version").asLong(),
                status.path("storage_engine").asText(),
                status.path("hints_pending").asLong());
        out.printf(
                "%-10s %-22s %-10s %-6s %-7s %-7s %-11s %s%n",
                "node", "binary / http", "state", "alive", "phi", "owned", "replicated", "ownership");
        for (JsonNode member : status.path("members")) {
            out.printf(
                    "%-10s %-22s %-10s %-6s %-7.2f %-7d %-11d %.1f%%%n",
                    member.path("node").asText(),
                    member.path("host").asText() + ":"
                            + member.path("binary_port").asInt() + " / "
                            + member.path("http_port").asInt(),
                    member.path("state").asText(),
                    member.path("alive").asBoolean() ? "up" : "DOWN",
                    member.path("phi").asDouble(),
                    member.path("owned_partitions").asInt(),
                    member.path("replicated_partitions").asInt(),
                    member.path("ownership_percent").asDouble());
        }
    }

    private void printRing(JsonNode ring) {
        out.printf(
                "ring version %d: %d partitions, N=%d%n",
                ring.path("version").asLong(),
                ring.path("partition_count").asInt(),
                ring.path("replication_factor").asInt());
        Map<String, Integer> owned = new TreeMap<>();
        for (JsonNode owner : ring.path("owners")) {
            owned.merge(owner.asText(), 1, Integer::sum);
        }
        Map<String, Integer> takingOver = new TreeMap<>();
        for (JsonNode pending : ring.path("pending_owners")) {
            if (!pending.isNull()) {
                takingOver.merge(pending.asText(), 1, Integer::sum);
                owned.putIfAbsent(pending.asText(), 0);
            }
        }
        out.printf("%-10s %-10s %-8s %s%n", "node", "owned", "share", "taking over");
        int total = Math.max(1, ring.path("partition_count").asInt());
        owned.forEach((id, count) -> out.printf(
                "%-10s %-10d %-8s %d%n",
                id,
                count,
                String.format(Locale.ROOT, "%.1f%%", 100.0 * count / total),
                takingOver.getOrDefault(id, 0)));
        if (!takingOver.isEmpty()) {
            out.println("a membership change is in flight: the partitions taken over move when it completes");
        }
    }
}
