package io.ringkv.consistency.runner;

import io.ringkv.consistency.checker.ConvergenceResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.nemesis.AppliedFault;
import io.ringkv.consistency.workload.WorkloadCheck;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced.
 *
 * @param runDirectory the run's folder (report, history, node logs)
 * @param history the whole history, nemesis operations included
 * @param check the workload checker's verdict
 * @param convergence the convergence check; {@code null} when the run had none (LINEARIZABLE registers
 *     live apart from the replicas' sibling sets, so their convergence is not defined this way)
 * @param faults the faults as they happened
 * @param partitionMechanism {@code nftables} or {@code link-filter}
 * @param verdict the run's verdict: valid when it showed what it was meant to show (for a run that
 *     expects an anomaly, that the checker found one)
 */
public record RunOutcome(
        Path runDirectory,
        History history,
        WorkloadCheck check,
        ConvergenceResult convergence,
        List<AppliedFault> faults,
        String partitionMechanism,
        Verdict verdict) {

    public RunOutcome {
        faults = List.copyOf(faults);
    }

    /** True when the checker found the history invalid. */
    public boolean anomalyFound() {
        return check.valid() == Verdict.INVALID;
    }
}
