package io.ringkv.consistency.workload;

import io.ringkv.consistency.checker.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A workload checker's verdict with its details, ready for {@code results.edn}.
 *
 * @param valid the verdict
 * @param summary one line for logs
 * @param checkerResult the checker's own result record ({@code CheckResult}, {@code SetCheckResult})
 * @param details figures worth showing on their own (counts, lost elements, invalid keys), by name
 */
public record WorkloadCheck(Verdict valid, String summary, Object checkerResult, Map<String, Object> details) {

    public WorkloadCheck {
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(checkerResult, "checkerResult");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
