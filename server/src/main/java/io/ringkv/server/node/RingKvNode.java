package io.ringkv.server.node;

import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSetCodec;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.ProtocolLimits;
import io.ringkv.protocol.message.ErrorReply;
import io.ringkv.protocol.message.HintReplayRequest;
import io.ringkv.protocol.message.Message;
import io.ringkv.protocol.message.ReplicaWriteReply;
import io.ringkv.protocol.message.TraceContext;
import io.ringkv.ring.NodeState;
import io.ringkv.ring.RingSnapshot;
import io.ringkv.server.antientropy.AntiEntropyAdmin;
import io.ringkv.server.antientropy.AntiEntropyConfig;
import io.ringkv.server.antientropy.AntiEntropyCounters;
import io.ringkv.server.antientropy.AntiEntropyService;
import io.ringkv.server.antientropy.IoBudget;
import io.ringkv.server.antientropy.MerkleForest;
import io.ringkv.server.antientropy.MerkleRequestHandler;
import io.ringkv.server.antientropy.MerkleTreeShape;
import io.ringkv.server.cluster.RingRegisterStore;
import io.ringkv.server.cluster.Topology;
import io.ringkv.server.cluster.TopologySettings;
import io.ringkv.server.config.NodeConfig;
import io.ringkv.server.coordinator.CoordinatorConfig;
import io.ringkv.server.coordinator.DefaultKeyValueService;
import io.ringkv.server.coordinator.KeyValueService;
import io.ringkv.server.coordinator.ReplicaUnreachableException;
import io.ringkv.server.coordinator.TimeoutScheduler;
import io.ringkv.server.hints.HintConfig;
import io.ringkv.server.hints.HintReplayer;
import io.ringkv.server.hints.HintStore;
import io.ringkv.server.http.HttpApiServer;
import io.ringkv.server.linearizable.LinearizableKeyValueService;
import io.ringkv.server.linearizable.NodeRegisterReplicas;
import io.ringkv.server.linearizable.RegisterReplicaHandler;
import io.ringkv.server.linearizable.RegisterStore;
import io.ringkv.server.membership.EndpointState;
import io.ringkv.server.membership.FailureDetectorConfig;
import io.ringkv.server.membership.GossiperConfig;
import io.ringkv.server.membership.MembershipListener;
import io.ringkv.server.membership.PeerAddress;
import io.ringkv.server.metadata.NodeMetadataStore;
import io.ringkv.server.net.EventLoops;
import io.ringkv.server.net.InternodeClient;
import io.ringkv.server.net.InternodeClientConfig;
import io.ringkv.server.net.LinkFilter;
import io.ringkv.server.net.MessageServer;
import io.ringkv.server.net.MessageServerConfig;
import io.ringkv.server.net.PeerRequestException;
import io.ringkv.server.storage.EngineKind;
import io.ringkv.server.storage.ReplicaStore;
import io.ringkv.server.storage.StorageConfig;
import io.ringkv.server.storage.StorageEngine;
import io.ringkv.server.storage.StorageEngines;
import io.ringkv.server.storage.StorageKey;
import io.ringkv.server.storage.SyncPolicy;
import io.ringkv.server.streaming.MembershipAdmin;
import io.ringkv.server.streaming.NodeStreamPeers;
import io.ringkv.server.streaming.StreamEndpoint;
import io.ringkv.server.streaming.StreamProgressStore;
import io.ringkv.server.streaming.StreamingConfig;
import io.ringkv.server.streaming.StreamingCounters;
import io.ringkv.server.streaming.TransitionDriver;
import io.ringkv.server.telemetry.MeteredKeyValueService;
import io.ringkv.server.telemetry.NodeMetrics;
import io.ringkv.server.telemetry.RequestTracing;
import io.ringkv.server.telemetry.Telemetry;
import io.ringkv.time.Clock;
import io.ringkv.time.SystemClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running RingKV node: storage, hints, the coordinator, gossip, and the binary and HTTP servers,
 * wired together and closed in reverse order. See {@code docs/architecture.md} for how a request flows
 * and {@code docs/developer/concurrency.md} for which thread runs what.
 */
public final class RingKvNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RingKvNode.class);
    /** Storage tasks allowed to queue before requests are refused with OVERLOADED (bounded memory). */
    private static final int STORAGE_QUEUE_CAPACITY = 10_000;

    private final NodeConfig config;
    private final Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
    private final Topology topology;
    private final MessageServer binaryServer;
    private final HttpApiServer httpServer;
    private final NodeMetrics metrics;
    private final HintStore hints;
    private final ReplicaStore store;
    private final RegisterStore registers;
    private final LinkFilter linkFilter = new LinkFilter();
    private final StreamingCounters streamingCounters;
    private final AntiEntropyService antiEntropy;
    private final TransitionDriver transitionDriver;
    private final long incarnation;
    /** Set once wiring is done; gossip may report a node up before that, and then nothing is replayed yet. */
    private volatile HintReplayer hintReplayer;

    private boolean closed;

    private RingKvNode(NodeConfig config, Clock clock, OpenTelemetry openTelemetry) {
        this.config = config;
        String nodeId = config.nodeId();
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDirectory(), failure);
        }
        try {
            NodeMetadataStore metadata = register(NodeMetadataStore.open(config.dataDirectory(), nodeId));
            metadata.bindClusterName(config.clusterName());
            this.incarnation = metadata.startNewIncarnation(clock);
            ActorId actor = new ActorId(nodeId, incarnation);

            StorageEngine engine = register(StorageEngines.open(storageConfig(config)));
            // The forest observes every write of the store, so Merkle trees stay current without rescans.
            MerkleForest merkleForest = new MerkleForest(
                    new MerkleTreeShape(
                            config.partitionCount(), config.antiEntropy().leavesPerPartition()),
                    engine);
            this.store = new ReplicaStore(engine, merkleForest);
            // The linearizable registers live in an engine of their own, so they never mix with sibling sets.
            this.registers = new RegisterStore(register(StorageEngines.open(linearizableStorageConfig(config))));
            this.hints = register(HintStore.open(config.dataDirectory().resolve("hints"), hintConfig(config), clock));
            ThreadPoolExecutor storageExecutor = registerExecutor(storageExecutor(config));
            RegisterReplicaHandler registerHandler = new RegisterReplicaHandler(registers, storageExecutor);
            this.metrics = new NodeMetrics(openTelemetry);
            metrics.reportHintsPending(hints::pendingCount);

            EventLoops loops = register(new EventLoops(config.ioThreads(), nodeId));
            HashedWheelTimer timer = new HashedWheelTimer(
                    new DefaultThreadFactory("ringkv-" + nodeId + "-timer", true), 5, TimeUnit.MILLISECONDS);
            register(timer::stop);
            TimeoutScheduler timeouts = (task, delay, unit) -> timer.newTimeout(ignored -> task.run(), delay, unit);

            InternodeClient internode = register(
                    new InternodeClient(internodeConfig(config), loops, linkFilter, () -> currentRingVersion()));
            RequestTracing tracing = new RequestTracing(openTelemetry, nodeId);
            PeerMessenger peers = messenger(internode, tracing);

            this.topology = new Topology(
                    topologySettings(config),
                    new InternodeGossipTransport(peers, address -> topologyNodeIdAt(address), gossipTimeout(config)),
                    new RingRegisterStore(metadata),
                    clock,
                    new SplittableRandom(),
                    new PeerUpTrigger(internode),
                    metrics::gossipRound);
            register(topology);

            NodeReplicaGateway gateway = new NodeReplicaGateway(
                    nodeId,
                    store,
                    hints,
                    storageExecutor,
                    peers,
                    this::addressOf,
                    config.hints().enabled());
            // The incarnation in the writer id keeps a restarted node from reissuing a tag of its last run.
            KeyValueService linearizable = new LinearizableKeyValueService(
                    coordinatorConfig(config),
                    nodeId + "/" + incarnation,
                    topology,
                    new NodeRegisterReplicas(
                            nodeId,
                            registerHandler,
                            (peer, body, timeoutMillis) -> requestPeer(peers, peer, body, timeoutMillis)),
                    timeouts);
            KeyValueService coordinator = new DefaultKeyValueService(
                    coordinatorConfig(config),
                    actor,
                    topology,
                    gateway,
                    new NodeRequestForwarder(
                            peers, this::addressOf, config.requests().timeoutMillis()),
                    timeouts,
                    clock,
                    metrics,
                    linearizable);
            KeyValueService service = new MeteredKeyValueService(coordinator, metrics, clock);
            ScheduledExecutorService hintScheduler = Executors.newSingleThreadScheduledExecutor(
                    new DefaultThreadFactory("ringkv-" + nodeId + "-hints", true));
            // shutdown, not shutdownNow: interrupting a replay pass mid-write would close the hint store's file
            // channel.
            registerExecutor(hintScheduler);
            HintReplayer replayer = register(new HintReplayer(
                    hints,
                    (owner, key, set) -> deliverHint(peers, owner, key, set),
                    hintConfig(config),
                    topology::isAlive,
                    hintScheduler,
                    clock));
            hintReplayer = replayer;
            metrics.reportHintReplay(
                    () -> replayer.counters().failed(),
                    () -> replayer.counters().expired());

            this.streamingCounters = new StreamingCounters().registerWith(openTelemetry);
            StreamEndpoint streamEndpoint = new StreamEndpoint(store, registers, storageExecutor, streamingCounters);
            this.transitionDriver = new TransitionDriver(
                    nodeId,
                    topology::transition,
                    topology::finishTransition,
                    topology::isAlive,
                    new NodeStreamPeers(
                            nodeId,
                            streamEndpoint,
                            storageExecutor,
                            (peer, body, timeoutMillis) -> requestPeer(peers, peer, body, timeoutMillis)),
                    new StreamProgressStore(config.dataDirectory().resolve("streaming")),
                    streamingConfig(config),
                    streamingCounters,
                    clock,
                    nanos -> TimeUnit.NANOSECONDS.sleep(nanos));

            AntiEntropyCounters antiEntropyCounters = new AntiEntropyCounters();
            this.antiEntropy = register(antiEntropyService(config, clock, merkleForest, peers, antiEntropyCounters));
            metrics.reportAntiEntropy(
                    antiEntropyCounters::sessions,
                    antiEntropyCounters::hashesSent,
                    antiEntropyCounters::hashesReceived,
                    antiEntropyCounters::keysRepaired);

            NodeAdminService admin =
                    new NodeAdminService(config.clusterName(), config.storage().engine(), topology, hints, metrics);
            NodeRequestHandler handler = new NodeRequestHandler(
                    nodeId,
                    service,
                    store,
                    hints,
                    registerHandler,
                    storageExecutor,
                    topology,
                    new AdminCommands(
                            admin,
                            linkFilter,
                            new MembershipAdmin(topology),
                            new AntiEntropyAdmin(nodeId, antiEntropy, topology::ring, storageExecutor)),
                    tracing,
                    streamEndpoint,
                    new MerkleRequestHandler(merkleForest, engine, antiEntropyCounters));
            this.binaryServer = MessageServer.start(
                    new MessageServerConfig(
                            config.host(),
                            config.binaryPort(),
                            ProtocolLimits.DEFAULT,
                            config.requests().maxInFlightPerConnection(),
                            MessageServerConfig.DEFAULT_IDLE_TIMEOUT,
                            nodeId),
                    loops,
                    handler,
                    this::currentRingVersion);
            register(() -> binaryServer.close(Duration.ofSeconds(5)));
            this.httpServer = HttpApiServer.start(
                    new InetSocketAddress(config.host(), config.httpPort()),
                    loops.acceptors(),
                    loops.workers(),
                    loops.serverChannelType(),
                    service,
                    admin,
                    (int) Math.min(Integer.MAX_VALUE, config.requests().objectMaxBytes() * 2 + 64 * 1024));
            register(httpServer);

            topology.start(EndpointState.initial(
                    nodeId,
                    incarnation,
                    config.host(),
                    binaryServer.port(),
                    httpServer.localAddress().getPort(),
                    config.rack(),
                    NodeState.JOINING,
                    incarnation));
            replayer.start();
            antiEntropy.start();
            startStreaming(nodeId, config);
            LOG.info(
                    "node {} (incarnation {}) serving binary on {}:{} and HTTP on {}:{}, data in {}, engine {}",
                    nodeId,
                    incarnation,
                    config.host(),
                    binaryServer.port(),
                    config.host(),
                    httpServer.localAddress().getPort(),
                    config.dataDirectory(),
                    config.storage().engine());
        } catch (RuntimeException startupFailure) {
            close();
            throw startupFailure;
        }
    }

    /** Starts a node with the system clock and the OpenTelemetry export its config names. */
    public static RingKvNode start(NodeConfig config) {
        OpenTelemetry telemetry = Telemetry.create(config.telemetryExporter(), config.nodeId());
        RingKvNode node = start(config, SystemClock.INSTANCE, telemetry);
        if (telemetry instanceof OpenTelemetrySdk sdk) {
            // Created for this node, so closed with it, last: it flushes the spans of the shutdown too.
            node.closeInReverse.addLast(sdk);
        }
        return node;
    }

    public static RingKvNode start(NodeConfig config, Clock clock, OpenTelemetry openTelemetry) {
        return new RingKvNode(config, clock, openTelemetry);
    }

    public String nodeId() {
        return config.nodeId();
    }

    public int binaryPort() {
        return binaryServer.port();
    }

    public int httpPort() {
        return httpServer.localAddress().getPort();
    }

    public long incarnation() {
        return incarnation;
    }

    /** The ring this node serves from, or {@code null} before it joined one. */
    public RingSnapshot ring() {
        return topology.ring();
    }

    public Topology topology() {
        return topology;
    }

    public NodeMetrics metrics() {
        return metrics;
    }

    public HintStore hints() {
        return hints;
    }

    /** This node's own replica data, read directly (diagnostics and tests; it bypasses the coordinator). */
    public ReplicaStore replicaStore() {
        return store;
    }

    /** This node's linearizable registers, read directly (diagnostics and tests; it bypasses the coordinator). */
    public RegisterStore linearizableRegisters() {
        return registers;
    }

    public LinkFilter linkFilter() {
        return linkFilter;
    }

    /** This node's anti-entropy: run a pass now, read its counters and last exchanges (admin and tests). */
    public AntiEntropyService antiEntropy() {
        return antiEntropy;
    }

    /** The driver of the membership transitions this node proposes (joins, decommission, removals). */
    public TransitionDriver transitionDriver() {
        return transitionDriver;
    }

    public StreamingCounters streamingCounters() {
        return streamingCounters;
    }

    /** Stops accepting, lets in-flight requests finish, then closes gossip, hints and storage. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!closeInReverse.isEmpty()) {
            AutoCloseable resource = closeInReverse.pop();
            try {
                resource.close();
            } catch (Exception failure) {
                LOG.warn("error while closing {}", resource, failure);
            }
        }
        LOG.info("node {} closed", config.nodeId());
    }

    private <T extends AutoCloseable> T register(T resource) {
        closeInReverse.push(resource);
        return resource;
    }

    /** Lets queued work finish before the storage it uses is closed; interrupts only what overstays. */
    private <T extends ExecutorService> T registerExecutor(T executor) {
        closeInReverse.push(() -> {
            executor.shutdown();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("background work did not finish within 10 s; closing storage anyway");
                executor.shutdownNow();
            }
        });
        return executor;
    }

    /** Runs the transition driver on its own thread; closed first, interrupting a stream in progress. */
    private void startStreaming(String nodeId, NodeConfig config) {
        ScheduledExecutorService streaming = Executors.newSingleThreadScheduledExecutor(
                new DefaultThreadFactory("ringkv-" + nodeId + "-streaming", true));
        register(() -> {
            streaming.shutdownNow();
            streaming.awaitTermination(10, TimeUnit.SECONDS);
        });
        streaming.scheduleWithFixedDelay(
                () -> {
                    try {
                        transitionDriver.step();
                    } catch (InterruptedException closing) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException unexpected) {
                        // The next step retries; the failure must not cancel the periodic task.
                        LOG.error("streaming step failed", unexpected);
                    }
                },
                0,
                config.gossip().intervalMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Anti-entropy runs on its own single thread: passes never overlap, and a slow exchange delays only
     * the next pass. Shut down without interrupting (a storage call interrupted mid-I/O would close the
     * engine's file channel); the service stops between sessions once closed.
     */
    private AntiEntropyService antiEntropyService(
            NodeConfig config, Clock clock, MerkleForest forest, PeerMessenger peers, AntiEntropyCounters counters) {
        ScheduledExecutorService scheduler = registerExecutor(Executors.newSingleThreadScheduledExecutor(
                new DefaultThreadFactory("ringkv-" + config.nodeId() + "-anti-entropy", true)));
        NodeConfig.AntiEntropySettings settings = config.antiEntropy();
        return new AntiEntropyService(
                config.nodeId(),
                new AntiEntropyConfig(
                        settings.intervalMillis(),
                        settings.budgetBytesPerSecond(),
                        config.requests().timeoutMillis(),
                        settings.tombstoneGraceMillis()),
                topology::ring,
                topology::isAlive,
                this::addressOf,
                forest,
                store,
                peers,
                new IoBudget(settings.budgetBytesPerSecond(), clock, nanos -> TimeUnit.NANOSECONDS.sleep(nanos)),
                clock,
                scheduler,
                counters);
    }

    private static StreamingConfig streamingConfig(NodeConfig config) {
        NodeConfig.StreamingSettings streaming = config.streaming();
        return new StreamingConfig(
                streaming.budgetBytesPerSecond(),
                streaming.chunkBytes(),
                (long) streaming.settleRounds() * config.gossip().intervalMillis(),
                Math.max(100, config.gossip().intervalMillis() * 5L),
                config.requests().timeoutMillis(),
                StreamingConfig.DEFAULT_PARALLEL_COPIES);
    }

    private long currentRingVersion() {
        RingSnapshot ring = topology == null ? null : topology.ring();
        return ring == null ? 0 : ring.version();
    }

    private Optional<String> topologyNodeIdAt(PeerAddress address) {
        return topology == null ? Optional.empty() : topology.nodeIdAt(address);
    }

    private Optional<PeerAddress> addressOf(String nodeId) {
        return topology.view().member(nodeId).map(member -> member.state().address());
    }

    private CompletionStage<Void> deliverHint(PeerMessenger peers, String owner, StorageKey key, SiblingSet set) {
        Optional<PeerAddress> address = addressOf(owner);
        if (address.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new ReplicaUnreachableException(owner, ErrorCode.UNAVAILABLE, "no address known for " + owner));
        }
        HintReplayRequest replay = new HintReplayRequest(
                config.nodeId(), key.key(), key.partition(), key.token(), SiblingSetCodec.encode(set));
        return peers.request(
                        owner,
                        address.get(),
                        replay,
                        TraceContext.EMPTY,
                        config.requests().timeoutMillis())
                .thenApply(reply -> {
                    if (reply instanceof ReplicaWriteReply) {
                        metrics.hintReplayed();
                        return null;
                    }
                    String reason = reply instanceof ErrorReply error
                            ? error.message()
                            : reply.kind().name();
                    throw new ReplicaUnreachableException(
                            owner, ErrorCode.INTERNAL, owner + " refused a hint: " + reason);
                });
    }

    private CompletionStage<Message> requestPeer(PeerMessenger peers, String nodeId, Message body, long timeoutMillis) {
        Optional<PeerAddress> address = addressOf(nodeId);
        if (address.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new ReplicaUnreachableException(nodeId, ErrorCode.UNAVAILABLE, "no address known for " + nodeId));
        }
        return peers.request(nodeId, address.get(), body, TraceContext.EMPTY, timeoutMillis);
    }

    private static PeerMessenger messenger(InternodeClient client, RequestTracing tracing) {
        return (peerNodeId, address, body, trace, timeoutMillis) -> client.send(
                        peerNodeId,
                        new InetSocketAddress(address.host(), address.port()),
                        body,
                        trace.isEmpty() ? tracing.currentTraceContext() : trace,
                        timeoutMillis)
                .handle((reply, failure) -> {
                    if (failure == null) {
                        return reply.body();
                    }
                    Throwable cause = ClientReplies.unwrap(failure);
                    if (cause instanceof PeerRequestException peerFailure) {
                        // UNAVAILABLE marks a request that never reached the peer; TIMEOUT one that may have.
                        ErrorCode code = peerFailure.mayHaveBeenDelivered() ? ErrorCode.TIMEOUT : ErrorCode.UNAVAILABLE;
                        throw new ReplicaUnreachableException(peerNodeId, code, peerFailure.getMessage());
                    }
                    throw new ReplicaUnreachableException(peerNodeId, ErrorCode.INTERNAL, String.valueOf(cause));
                });
    }

    /**
     * When this node sees a peer come up: connect to it again at once (the reconnect backoff from its
     * downtime is void) and replay the hints held for it.
     */
    private final class PeerUpTrigger implements MembershipListener {
        private final InternodeClient internode;

        PeerUpTrigger(InternodeClient internode) {
            this.internode = internode;
        }

        @Override
        public void onUp(EndpointState state) {
            PeerAddress address = state.address();
            internode.peerCameUp(new InetSocketAddress(address.host(), address.port()));
            HintReplayer replayer = hintReplayer;
            if (replayer != null) {
                replayer.ownerAlive(state.nodeId());
            }
        }
    }

    private static StorageConfig storageConfig(NodeConfig config) {
        NodeConfig.StorageSettings storage = config.storage();
        return new StorageConfig(
                EngineKind.fromConfigName(storage.engine()),
                config.dataDirectory(),
                SyncPolicy.fromConfigName(storage.syncPolicy(), storage.groupCommitIntervalMillis()));
    }

    /** The node's engine kind and sync policy, in {@code <data-dir>/linearizable}. */
    private static StorageConfig linearizableStorageConfig(NodeConfig config) {
        StorageConfig data = storageConfig(config);
        return new StorageConfig(data.engine(), config.dataDirectory().resolve("linearizable"), data.syncPolicy());
    }

    private static HintConfig hintConfig(NodeConfig config) {
        NodeConfig.HintSettings settings = config.hints();
        return new HintConfig(settings.maxAgeMillis(), settings.maxTotalBytes(), settings.replayIntervalMillis(), 64);
    }

    private static ThreadPoolExecutor storageExecutor(NodeConfig config) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                config.storageThreads(),
                config.storageThreads(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(STORAGE_QUEUE_CAPACITY),
                new DefaultThreadFactory("ringkv-" + config.nodeId() + "-storage", true),
                new ThreadPoolExecutor.AbortPolicy());
        return executor;
    }

    private static InternodeClientConfig internodeConfig(NodeConfig config) {
        return new InternodeClientConfig(
                config.nodeId(),
                ProtocolLimits.DEFAULT,
                2,
                Duration.ofMillis(Math.min(1_000, config.requests().timeoutMillis())),
                Duration.ofMillis(50),
                Duration.ofSeconds(2),
                InternodeClientConfig.DEFAULT_MAX_IN_FLIGHT_PER_PEER,
                // Outgoing connections leave from the node's own address, so address-pair packet filters
                // (the consistency suite's partitions) cut exactly the links they name.
                config.host());
    }

    private static TopologySettings topologySettings(NodeConfig config) {
        List<PeerAddress> seeds =
                config.seeds().stream().map(PeerAddress::parse).toList();
        PeerAddress self = new PeerAddress(config.host(), config.binaryPort() == 0 ? 1 : config.binaryPort());
        boolean bootstrap = seeds.isEmpty() || seeds.get(0).equals(self);
        GossiperConfig gossip = new GossiperConfig(
                config.clusterName(),
                config.gossip().intervalMillis(),
                config.gossip().fanout(),
                config.gossip().monitors(),
                seeds,
                FailureDetectorConfig.DEFAULTS.withThreshold(config.gossip().phiThreshold()));
        return new TopologySettings(
                config.nodeId(), config.partitionCount(), config.replicationFactor(), bootstrap, gossip);
    }

    private static long gossipTimeout(NodeConfig config) {
        return Math.max(100, config.gossip().intervalMillis() * 5L);
    }

    private static CoordinatorConfig coordinatorConfig(NodeConfig config) {
        NodeConfig.RequestSettings requests = config.requests();
        return new CoordinatorConfig(
                config.nodeId(),
                requests.defaultReadQuorum(),
                requests.defaultWriteQuorum(),
                requests.timeoutMillis(),
                requests.handoffAfterMillis(),
                requests.maxKeyBytes(),
                requests.siblingWarnCount(),
                requests.siblingMaxCount(),
                requests.objectWarnBytes(),
                requests.objectMaxBytes());
    }
}
