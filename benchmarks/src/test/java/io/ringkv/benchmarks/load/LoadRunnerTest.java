package io.ringkv.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.time.SystemClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {

    private static final long SEED = 99L;
    private static final int KEYS = 200;

    private final FakeKvDriver driver = new FakeKvDriver(new String(new KeySpace(KEYS).key(7)));
    private final ContextCache contexts = new ContextCache(KEYS);

    @AfterEach
    void close() {
        driver.close();
    }

    private LoadRunner runner(Workload workload, Concurrency concurrency) {
        OperationExecutor executor = new OperationExecutor(
                driver, new KeySpace(KEYS), new ValuePool(16, SEED), contexts, SystemClock.INSTANCE);
        return new LoadRunner(
                executor, workload, new UniformKeyChooser(KEYS), concurrency, SystemClock.INSTANCE, SEED, 5_000);
    }

    @Test
    void should_issue_exactly_the_requested_count_with_at_most_the_in_flight_bound() throws Exception {
        LatencyStats stats = new LatencyStats();
        runner(Workload.A, Concurrency.inFlight(8)).run(Phase.counted("measure", 5_000), stats);
        stats.drain();

        assertThat(driver.reads.get() + driver.updates.get()).isEqualTo(5_000);
        assertThat(driver.maxOutstanding()).isBetween(1, 8);
        long succeeded = stats.totalOfAll().getTotalCount();
        assertThat(succeeded + stats.failureCount()).isEqualTo(5_000);
        assertThat(stats.total(OperationType.READ).getTotalCount()).isEqualTo(driver.reads.get());
    }

    @Test
    void should_run_closed_loop_threads_until_the_count_is_reached() throws Exception {
        LatencyStats stats = new LatencyStats();
        runner(Workload.C, Concurrency.threads(4)).run(Phase.counted("measure", 2_000), stats);
        stats.drain();

        assertThat(driver.reads.get()).isEqualTo(2_000);
        assertThat(driver.updates.get()).isZero();
        assertThat(driver.maxOutstanding()).isBetween(1, 4);
        assertThat(stats.total(OperationType.READ).getTotalCount()).isEqualTo(2_000);
    }

    @Test
    void should_stop_a_timed_phase_once_its_time_is_up() throws Exception {
        LatencyStats stats = new LatencyStats();
        long start = System.nanoTime();
        runner(Workload.B, Concurrency.inFlight(4)).run(Phase.timed("measure", Duration.ofMillis(300)), stats);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isBetween(300L, 3_000L);
        assertThat(driver.reads.get() + driver.updates.get()).isPositive();
    }

    @Test
    void should_write_every_key_once_and_count_the_failing_one() throws Exception {
        LatencyStats stats = new LatencyStats();
        runner(Workload.A, Concurrency.inFlight(16)).loadEveryKey(stats);
        stats.drain();

        assertThat(driver.updates.get()).isEqualTo(KEYS);
        assertThat(driver.reads.get()).isZero();
        assertThat(stats.total(OperationType.UPDATE).getTotalCount()).isEqualTo(KEYS - 1);
        assertThat(stats.errors()).containsExactly(Map.entry("UNAVAILABLE", 1L));
    }

    @Test
    void should_send_each_update_with_the_context_of_the_keys_last_reply() {
        LatencyStats stats = new LatencyStats();
        OperationExecutor executor = new OperationExecutor(
                driver, new KeySpace(KEYS), new ValuePool(16, SEED), contexts, SystemClock.INSTANCE);
        String key = new String(new KeySpace(KEYS).key(3));

        executor.execute(OperationType.UPDATE, 3, stats).toCompletableFuture().join();
        byte[] afterFirstWrite = driver.storedContextOf(key);
        executor.execute(OperationType.UPDATE, 3, stats).toCompletableFuture().join();
        byte[] sentWithSecondWrite = driver.lastContextSentFor(key);
        executor.execute(OperationType.READ, 3, stats).toCompletableFuture().join();

        assertThat(sentWithSecondWrite).isEqualTo(afterFirstWrite);
        assertThat(contexts.contextOf(3)).isEqualTo(driver.storedContextOf(key));
        assertThat(contexts.contextOf(4)).isEmpty();
    }
}
