package io.ringkv.benchmarks.load;

import java.util.List;
import java.util.Map;

/**
 * The result of one measured run, as printed and as written to the JSON file.
 *
 * @param label free text naming the set-up (for example the storage engine), from {@code --label}
 * @param startedAt UTC time the measured phase started, ISO-8601
 * @param workload YCSB workload letter
 * @param distribution key distribution
 * @param keys number of keys
 * @param valueBytes size of every written value
 * @param client {@code raw} or {@code sdk}
 * @param routing {@code token} or {@code random}
 * @param concurrency for example {@code 64 in flight} or {@code 16 threads}
 * @param readQuorum R sent (0 = node default)
 * @param writeQuorum W sent (0 = node default)
 * @param seconds length of the measured phase
 * @param throughput successful operations per second
 * @param operations stats of {@code read}, {@code update} and {@code all}, in that order (an operation the
 *     workload never ran is left out)
 * @param failures failed operations
 * @param errors failures by label (server error code or {@code client:<what>})
 * @param readsWithSiblings successful reads that returned more than one sibling
 * @param readsNotFound successful reads that found no value
 * @param serverCounters change of each server counter summed over the nodes during the measured phase
 *     ({@code forwarded_requests}, {@code read_repairs}, ...); empty when a node could not be asked
 * @param loadAverageBefore {@code /proc/loadavg} 1/5/15-minute figures before the run, or "unknown"
 * @param loadAverageAfter the same after the run
 */
public record LoadSummary(
        String label,
        String startedAt,
        String workload,
        String distribution,
        long keys,
        int valueBytes,
        String client,
        String routing,
        String concurrency,
        int readQuorum,
        int writeQuorum,
        double seconds,
        double throughput,
        List<OperationStats> operations,
        long failures,
        Map<String, Long> errors,
        long readsWithSiblings,
        long readsNotFound,
        Map<String, Long> serverCounters,
        String loadAverageBefore,
        String loadAverageAfter) {

    /** The counter the routing comparison reports. */
    public static final String FORWARDED_REQUESTS = "forwarded_requests";

    public LoadSummary {
        operations = List.copyOf(operations);
        errors = Map.copyOf(errors);
        serverCounters = Map.copyOf(serverCounters);
    }

    /** The stats of one operation, or null when it did not run. */
    public OperationStats operation(String name) {
        return operations.stream()
                .filter(stats -> stats.operation().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** Requests the nodes forwarded during the run, or -1 when unknown. */
    public long forwardedRequests() {
        Long forwarded = serverCounters.get(FORWARDED_REQUESTS);
        return forwarded == null ? -1 : forwarded;
    }
}
