package io.ringkv.consistency.report;

import io.ringkv.consistency.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The latencies of one function's operations over time, in invocation order. Operations without a
 * timed completion have no latency and are not part of a series.
 *
 * @param f the function name
 * @param points one point per completed operation, in invocation order
 */
public record LatencySeries(String f, List<LatencyPoint> points) {

    public LatencySeries {
        Objects.requireNonNull(f, "f");
        points = List.copyOf(points);
    }

    /** One series per function, sorted by function name. */
    public static List<LatencySeries> byFunction(List<TimedOperation> operations) {
        Map<String, List<LatencyPoint>> pointsByFunction = new TreeMap<>();
        for (TimedOperation operation : operations) {
            if (operation.latencyNanos().isEmpty()) {
                continue;
            }
            pointsByFunction
                    .computeIfAbsent(operation.f(), f -> new ArrayList<>())
                    .add(new LatencyPoint(
                            operation.invokeNanos(), operation.latencyNanos().getAsLong(), operation.outcome()));
        }
        List<LatencySeries> series = new ArrayList<>();
        pointsByFunction.forEach((f, points) -> series.add(new LatencySeries(f, points)));
        return List.copyOf(series);
    }

    /** The points that completed with {@code outcome}. */
    public List<LatencyPoint> pointsWith(OpType outcome) {
        return points.stream().filter(point -> point.outcome() == outcome).toList();
    }
}
