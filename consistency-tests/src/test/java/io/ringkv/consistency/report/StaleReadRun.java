package io.ringkv.consistency.report;

import static io.ringkv.consistency.report.TimedHistory.millis;

import io.ringkv.consistency.checker.CheckResult;
import io.ringkv.consistency.checker.LinearizabilityChecker;
import io.ringkv.consistency.checker.RegisterModel;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.Keyword;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made register run with a stale read during a partition, which the linearizability checker
 * finds invalid; shared by the report writer tests.
 */
final class StaleReadRun {

    private StaleReadRun() {}

    static History history() {
        return new TimedHistory()
                .invoke(0, "write", 1L, 0)
                .ok(0, "write", 1L, 10)
                .nemesis("start-partition", Keyword.of("majority"), 20)
                .invoke(1, "write", 2L, 30)
                .ok(1, "write", 2L, 40)
                .invoke(2, "read", null, 50)
                .ok(2, "read", 1L, 60)
                .invoke(0, "write", 3L, 70)
                .info(0, "write", 3L, 170, "timeout")
                .nemesis("stop-partition", null, 200)
                .invoke(1, "read", null, 210)
                .ok(1, "read", 2L, 215)
                .invoke(2, "write", 4L, 220)
                .fail(2, "write", 4L, 225, "unavailable")
                .build();
    }

    static RunSummary summary() {
        History history = history();
        CheckResult linearizable = new LinearizabilityChecker(RegisterModel.create()).check(history);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("linearizable", linearizable);
        results.put("note", "hand-made history");
        return new RunSummary(
                "register-partition",
                42L,
                history,
                List.of(new FaultInterval("partition majority", millis(20), millis(200))),
                results);
    }
}
