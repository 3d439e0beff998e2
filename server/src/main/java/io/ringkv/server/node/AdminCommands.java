package io.ringkv.server.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.message.AdminReply;
import io.ringkv.protocol.message.AdminRequest;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.Message;
import io.ringkv.server.admin.AdminService;
import io.ringkv.server.antientropy.AntiEntropyAdmin;
import io.ringkv.server.net.LinkFilter;
import io.ringkv.server.streaming.MembershipAdmin;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The binary admin calls: the same reports as {@code GET /admin/*} (as JSON), and the link filter the
 * consistency suite uses to partition nodes where it cannot install packet filters.
 */
final class AdminCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminService reports;
    private final LinkFilter linkFilter;
    private final MembershipAdmin membership;
    private final AntiEntropyAdmin antiEntropy;

    AdminCommands(
            AdminService reports, LinkFilter linkFilter, MembershipAdmin membership, AntiEntropyAdmin antiEntropy) {
        this.reports = reports;
        this.linkFilter = linkFilter;
        this.membership = membership;
        this.antiEntropy = antiEntropy;
    }

    /** Runs any admin command: membership changes asynchronously (they hop to the topology thread), the rest at once. */
    CompletionStage<Message> handle(AdminRequest request) {
        if (MembershipAdmin.handles(request.command())) {
            return membership.run(request);
        }
        if (request.command() == io.ringkv.protocol.AdminCommand.REPAIR) {
            return antiEntropy.repair();
        }
        if (request.command() == io.ringkv.protocol.AdminCommand.MERKLE_ROOTS) {
            return antiEntropy.merkleRoots();
        }
        return CompletableFuture.completedFuture(run(request));
    }

    Message run(AdminRequest request) {
        try {
            return switch (request.command()) {
                case STATUS -> new AdminReply(JSON.writeValueAsString(reports.status()));
                case RING -> new AdminReply(JSON.writeValueAsString(reports.ring()));
                case SET_LINK_FILTER -> setLinkFilter(request.argument());
                default ->
                    ErrorReply.of(
                            ErrorCode.UNSUPPORTED_MESSAGE,
                            "admin command " + request.command() + " is not available on this server version",
                            true);
            };
        } catch (JsonProcessingException impossible) {
            return ErrorReply.of(ErrorCode.INTERNAL, "could not render the report: " + impossible, true);
        }
    }

    /** {@code argument} lists the peers to block, comma-separated; empty heals every link. */
    private Message setLinkFilter(String argument) throws JsonProcessingException {
        Set<String> peers = Arrays.stream(argument.split(","))
                .map(String::trim)
                .filter(peer -> !peer.isEmpty())
                .collect(Collectors.toSet());
        linkFilter.heal();
        linkFilter.block(peers);
        return new AdminReply(JSON.writeValueAsString(Map.of("blocked", linkFilter.blocked())));
    }
}
