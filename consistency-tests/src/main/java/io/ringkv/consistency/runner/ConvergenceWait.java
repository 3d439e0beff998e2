package io.ringkv.consistency.runner;

import io.ringkv.client.Consistency;
import io.ringkv.client.ReadOptions;
import io.ringkv.client.RingKvClient;
import io.ringkv.consistency.checker.ConvergenceChecker;
import io.ringkv.consistency.checker.ConvergenceResult;
import io.ringkv.consistency.cluster.Polling;
import io.ringkv.consistency.cluster.ReplicaStateReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The convergence check of a run, after the faults healed: every replica of every key must hold the
 * same versions within a bound.
 *
 * <p>Method: first one read of every key at R = N (every replica answers, and the coordinator's read
 * repair sends the merged versions to any replica that lacked them), then, until they agree or the
 * bound passes, each replica of the key's preference list is asked directly for what it stores (a
 * replica read, which neither merges nor repairs) and the answers are compared version by version
 * ({@link ConvergenceChecker}). Hinted copies on stand-ins reach their owners through hint replay in the
 * meantime.
 */
final class ConvergenceWait {

    private static final Logger LOG = LoggerFactory.getLogger(ConvergenceWait.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final ReplicaStateReader replicas;
    private final ConvergenceChecker checker = new ConvergenceChecker();

    ConvergenceWait(ReplicaStateReader replicas) {
        this.replicas = replicas;
    }

    /**
     * @param client reads the keys once at R = {@code replicationFactor} to trigger read repair
     * @return the last comparison: valid when the replicas agreed in time
     */
    ConvergenceResult await(RingKvClient client, List<String> keys, int replicationFactor, Duration bound) {
        ReadOptions all =
                ReadOptions.DEFAULT.withConsistency(Consistency.EVENTUAL).withR(replicationFactor);
        for (String key : keys) {
            try {
                client.blocking().get(key, all);
            } catch (RuntimeException failure) {
                LOG.info("repair read of {} failed ({}); replicas get more time", key, failure.getMessage());
            }
        }
        AtomicReference<ConvergenceResult> last = new AtomicReference<>();
        Polling.poll(bound, POLL_INTERVAL, () -> {
            ConvergenceResult result = checker.check(replicas.read(keys));
            last.set(result);
            return result.isValid();
        });
        return last.get();
    }
}
