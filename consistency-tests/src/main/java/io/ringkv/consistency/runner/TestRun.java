package io.ringkv.consistency.runner;

import io.ringkv.client.Consistency;
import io.ringkv.client.RingKvClient;
import io.ringkv.consistency.checker.ConvergenceResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.cluster.ClusterConfig;
import io.ringkv.consistency.cluster.LocalCluster;
import io.ringkv.consistency.cluster.NodeSpec;
import io.ringkv.consistency.cluster.ReplicaStateReader;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryRecorder;
import io.ringkv.consistency.history.OpType;
import io.ringkv.consistency.nemesis.AppliedFault;
import io.ringkv.consistency.nemesis.CommandRunner;
import io.ringkv.consistency.nemesis.FaultInjector;
import io.ringkv.consistency.nemesis.NemesisDriver;
import io.ringkv.consistency.nemesis.NemesisSchedule;
import io.ringkv.consistency.nemesis.NetworkPartitioner;
import io.ringkv.consistency.nemesis.Partitioners;
import io.ringkv.consistency.report.FaultInterval;
import io.ringkv.consistency.report.RunReportWriter;
import io.ringkv.consistency.report.RunSummary;
import io.ringkv.consistency.workload.Completion;
import io.ringkv.consistency.workload.Invocation;
import io.ringkv.consistency.workload.ReplicaAffinity;
import io.ringkv.consistency.workload.Workload;
import io.ringkv.consistency.workload.WorkloadCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one test end to end, as a Jepsen test does: start the cluster, run the clients while the
 * nemesis plays its schedule, heal, let the cluster go quiet, run the final operations, check the
 * replicas' convergence, stop everything, check the history and write the report.
 *
 * <p>Clean-up on every path: clients closed, partitions healed (the nftables table deleted), every node
 * process killed, node data deleted; node logs stay in the run folder.
 */
public final class TestRun {

    private static final Logger LOG = LoggerFactory.getLogger(TestRun.class);
    private static final Duration HEAL_TIMEOUT = Duration.ofSeconds(30);
    private static final int FINAL_OPERATION_ATTEMPTS = 10;
    private static final int REPLICATION_FACTOR = 3;
    private static final Duration CLIENT_BOOTSTRAP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLUSTER_START_TIMEOUT = Duration.ofSeconds(180);

    /** Node settings of a run: a small ring, fast gossip and failure detection, short request budgets. */
    static final Map<String, String> NODE_SETTINGS = Map.of(
            "partition-count", "256",
            "gossip.interval-millis", "100",
            "requests.timeout-millis", "1000",
            "hints.replay-interval-millis", "500");

    private final RunOptions options;

    public TestRun(RunOptions options) {
        this.options = options;
    }

    /**
     * Runs the test.
     *
     * @throws IllegalStateException when the cluster cannot start or a fault cannot be healed
     * @throws UncheckedIOException when the report cannot be written
     */
    public RunOutcome execute() {
        Path runDirectory = options.outDirectory();
        createDirectories(runDirectory);
        Workload workload = options.workload().create(options.consistency(), options.keyCount(), REPLICATION_FACTOR);
        ClusterConfig clusterConfig = ClusterConfig.of(
                        options.nodeCount(), options.serverJar(), runDirectory.resolve("cluster"))
                .withNodeSettings(NODE_SETTINGS)
                // Node JVMs start slowly when the machine is busy (a CI host building in parallel).
                .withStartTimeout(CLUSTER_START_TIMEOUT);
        LOG.info(
                "run {}: {} workload, {} nemesis, {}, {} nodes, {} s, seed {}",
                options.testName(),
                workload.name(),
                options.nemesis().keywordName(),
                options.consistency().describe(),
                options.nodeCount(),
                options.duration().toSeconds(),
                options.seed());
        List<AppliedFault> faults;
        String mechanism;
        HistoryRecorder recorder;
        ConvergenceResult convergence = null;
        LocalCluster cluster = LocalCluster.start(clusterConfig);
        try (NetworkPartitioner partitioner =
                Partitioners.forCluster(cluster, options.partitioner(), CommandRunner.processes())) {
            mechanism = partitioner.mechanism();
            List<RingKvClient> clients = openClients(cluster);
            // The history's clock starts with the workload, as Jepsen's does: set-up time is not in it.
            recorder = HistoryRecorder.systemClock();
            try {
                faults = runClientsUnderFaults(cluster, partitioner, clients, workload, recorder);
                healEverything(cluster, partitioner);
                runFinalOperations(clients.get(0), workload, recorder);
                if (options.consistency().mode() != Consistency.LINEARIZABLE) {
                    convergence = new ConvergenceWait(new ReplicaStateReader(cluster, Duration.ofSeconds(2)))
                            .await(
                                    clients.get(0),
                                    workload.storedKeys(),
                                    REPLICATION_FACTOR,
                                    options.convergenceTimeout());
                    LOG.info("convergence: {}", convergence.summary());
                }
            } finally {
                clients.forEach(RingKvClient::close);
            }
        } finally {
            cluster.close();
            cluster.deleteData();
        }
        History history = recorder.history();
        WorkloadCheck check = workload.check(history);
        LOG.info("{} checker: {}", workload.name(), check.summary());
        Verdict verdict = verdict(check, convergence);
        RunOutcome outcome = new RunOutcome(runDirectory, history, check, convergence, faults, mechanism, verdict);
        writeReport(outcome, workload);
        return outcome;
    }

    private List<AppliedFault> runClientsUnderFaults(
            LocalCluster cluster,
            NetworkPartitioner partitioner,
            List<RingKvClient> clients,
            Workload workload,
            HistoryRecorder recorder) {
        NemesisSchedule schedule = NemesisSchedule.generate(
                options.nemesis(), cluster.nodeIds(), options.duration().toMillis(), options.timing(), options.seed());
        NemesisDriver nemesis = new NemesisDriver(schedule, new FaultInjector(cluster, partitioner), recorder);
        CountDownLatch stop = new CountDownLatch(1);
        ProcessIds processIds = new ProcessIds(clients.size());
        List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < clients.size(); index++) {
            ClientWorker worker = new ClientWorker(
                    index,
                    clients.get(index),
                    workload,
                    recorder,
                    processIds,
                    options.seed() * 1_000_003L + index,
                    options.thinkTime(),
                    stop);
            Thread thread = new Thread(worker, "ringkv-client-" + index);
            thread.setDaemon(true);
            threads.add(thread);
        }
        nemesis.start();
        threads.forEach(Thread::start);
        try {
            stop.await(options.duration().toNanos(), TimeUnit.NANOSECONDS);
            // A slow heal shifts the schedule; the clients keep working until it has been played, for at most
            // another run duration, so that a busy machine does not silently drop planned faults.
            if (!nemesis.awaitPlayed(options.duration())) {
                LOG.warn("the nemesis had not played its schedule one run duration after the run's end; stopping it");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            // Clients stop first, then the nemesis heals: no operation runs against a half-healed cluster.
            stop.countDown();
            joinAll(threads);
            nemesis.stop();
        }
        if (nemesis.failure() != null) {
            throw new IllegalStateException(
                    "the nemesis failed: " + nemesis.failure().getMessage(), nemesis.failure());
        }
        return nemesis.applied();
    }

    /** Belt and braces after the nemesis healed: no partition, no paused or dead node, gossip healed. */
    private void healEverything(LocalCluster cluster, NetworkPartitioner partitioner) {
        partitioner.heal();
        for (String node : cluster.nodeIds()) {
            cluster.resume(node);
            if (!cluster.isRunning(node)) {
                cluster.restart(node);
            }
        }
        cluster.awaitAllAlive(HEAL_TIMEOUT);
    }

    private void runFinalOperations(RingKvClient client, Workload workload, HistoryRecorder recorder) {
        ProcessIds finalProcesses = new ProcessIds(0);
        for (Invocation invocation : workload.finalOperations()) {
            for (int attempt = 1; attempt <= FINAL_OPERATION_ATTEMPTS; attempt++) {
                // Each attempt is its own process: an earlier :info attempt may still be running.
                long process = 1_000_000L + finalProcesses.fresh();
                recorder.invoke(process, invocation.f(), invocation.value());
                Completion completion = workload.apply(client, invocation);
                recorder.complete(process, completion.type(), invocation.f(), completion.value(), completion.error());
                if (completion.type() == OpType.OK) {
                    break;
                }
                LOG.info("final {} attempt {} ended {}", invocation.f(), attempt, completion.error());
            }
        }
    }

    private List<RingKvClient> openClients(LocalCluster cluster) {
        List<String> seeds =
                cluster.nodes().stream().map(NodeSpec::binaryAddress).toList();
        List<RingKvClient> clients = new ArrayList<>();
        try {
            for (int index = 0; index < options.concurrency(); index++) {
                clients.add(RingKvClient.builder()
                        .seeds(seeds.toArray(String[]::new))
                        .localAddress(ClusterConfig.clientAddress(index))
                        .routingPolicy(new ReplicaAffinity(index))
                        .requestTimeout(options.consistency().timeout())
                        // Generous: on a loaded machine the nodes' first answers can take seconds.
                        .bootstrapTimeout(CLIENT_BOOTSTRAP_TIMEOUT)
                        .ioThreads(1)
                        .connectionsPerNode(1)
                        .randomSeed(options.seed() + index)
                        .build());
            }
            return clients;
        } catch (RuntimeException failure) {
            clients.forEach(RingKvClient::close);
            throw failure;
        }
    }

    private Verdict verdict(WorkloadCheck check, ConvergenceResult convergence) {
        Verdict checked = check.valid();
        if (options.expectAnomaly()) {
            checked = switch (checked) {
                case INVALID -> Verdict.VALID;
                case VALID -> Verdict.INVALID;
                case UNKNOWN -> Verdict.UNKNOWN;
            };
        }
        if (convergence != null && !options.expectAnomaly()) {
            checked = checked.and(convergence.valid());
        }
        return checked;
    }

    private void writeReport(RunOutcome outcome, Workload workload) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("valid?", outcome.verdict());
        results.put("workload", workload.name());
        results.put("nemesis", options.nemesis().keywordName());
        results.put("consistency", options.consistency().describe());
        results.put("partition-mechanism", outcome.partitionMechanism());
        results.put("nodes", options.nodeCount());
        results.put("concurrency", options.concurrency());
        results.put("duration-seconds", options.duration().toSeconds());
        if (options.expectAnomaly()) {
            results.put(
                    "expected-anomaly",
                    outcome.anomalyFound()
                            ? "found, as expected"
                            : "NOT found: the nemesis or the checker did not bite");
        }
        results.put(workload.name(), outcome.check().checkerResult());
        if (outcome.convergence() != null) {
            results.put("convergence", outcome.convergence());
        }
        List<FaultInterval> intervals = new ArrayList<>();
        for (AppliedFault fault : outcome.faults()) {
            intervals.add(new FaultInterval(fault.label(), fault.startNanos(), fault.endNanos()));
        }
        RunSummary summary = new RunSummary(options.testName(), options.seed(), outcome.history(), intervals, results);
        try {
            new RunReportWriter().write(outcome.runDirectory(), summary);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write the report to " + outcome.runDirectory(), failure);
        }
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create " + directory, failure);
        }
    }
}
