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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code admin --node HOST:PORT status|ring}: asks one node over the binary protocol and prints a table. */
@Command(
        name = "admin",
        description = "Show a node's view of the cluster: status (members, liveness, ownership) or ring.")
public final class AdminCommand implements Callable<Integer> {

    @Option(names = "--node", required = true, description = "binary address of the node to ask, host:port")
    String node;

    @Parameters(index = "0", description = "status or ring")
    String what;

    @Option(names = "--json", description = "print the raw JSON report")
    boolean json;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        io.ringkv.protocol.AdminCommand command = switch (what) {
            case "status" -> io.ringkv.protocol.AdminCommand.STATUS;
            case "ring" -> io.ringkv.protocol.AdminCommand.RING;
            default -> throw new IllegalArgumentException("expected status or ring, was " + what);
        };
        PeerAddress address = PeerAddress.parse(node);
        Message reply;
        try (BinaryConnection connection =
                BinaryConnection.open(address.host(), address.port(), Duration.ofSeconds(5))) {
            reply = connection.request(new AdminRequest(command, ""));
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
        } else {
            printRing(report);
        }
        return 0;
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
        out.printf("%-10s %-10s %s%n", "node", "owned", "share");
        int total = Math.max(1, ring.path("partition_count").asInt());
        owned.forEach((id, count) -> out.printf("%-10s %-10d %.1f%%%n", id, count, 100.0 * count / total));
    }
}
