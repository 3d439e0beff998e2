package io.ringkv.server.metadata;

import io.ringkv.server.storage.StorageException;
import io.ringkv.server.storage.mapdb.MapDbStores;
import io.ringkv.time.Clock;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.mapdb.DB;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node must remember about itself across restarts, kept in {@value #FILE_NAME} in its data
 * directory (a MapDB file with transactions on, apart from the data store): the node id the directory
 * belongs to, the cluster it joined, its last incarnation, and small typed entries such as the latest
 * ring assignment.
 *
 * <p>Every change is committed (fsynced) before the method returns. Opening refuses a data directory
 * that belongs to another node id, so two nodes can never share one by mistake.
 *
 * <p>Thread-safe (methods are synchronized; metadata changes are rare). Blocks on disk I/O: call it from
 * start-up or the topology executor, never from a Netty event loop, and do not interrupt its callers
 * (see {@link MapDbStores}).
 */
public final class NodeMetadataStore implements AutoCloseable {

    /** The metadata file inside the data directory. */
    public static final String FILE_NAME = "node.meta";

    /** The store kind written into the file's header. */
    public static final String KIND = "node-metadata";

    /** The largest entry accepted: metadata is small; bulk data belongs in the storage engine. */
    public static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(NodeMetadataStore.class);
    private static final String IDENTITY_MAP = "identity";
    private static final String ENTRIES_MAP = "entries";
    private static final String NODE_ID = "node-id";
    private static final String CLUSTER_NAME = "cluster-name";
    private static final String LAST_INCARNATION = "last-incarnation";

    private final Path file;
    private final String nodeId;
    private final DB db;
    private final HTreeMap<String, String> identity;
    private final HTreeMap<String, byte[]> entries;
    private boolean closed;

    private NodeMetadataStore(Path file, String nodeId, DB db) {
        this.file = file;
        this.nodeId = nodeId;
        this.db = db;
        this.identity =
                db.hashMap(IDENTITY_MAP, Serializer.STRING, Serializer.STRING).open();
        this.entries = db.hashMap(ENTRIES_MAP, Serializer.STRING, Serializer.BYTE_ARRAY)
                .open();
    }

    /**
     * Opens the metadata of {@code dataDirectory}, creating it for {@code nodeId} on first start.
     *
     * @throws StorageException when the directory belongs to another node id, or the file is foreign,
     *     corrupt or in use
     */
    public static NodeMetadataStore open(Path dataDirectory, String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isEmpty()) {
            throw new IllegalArgumentException("nodeId must not be empty");
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        DB db = MapDbStores.openOrCreate(file, KIND, created -> {
            created.hashMap(IDENTITY_MAP, Serializer.STRING, Serializer.STRING)
                    .create()
                    .put(NODE_ID, nodeId);
            created.hashMap(ENTRIES_MAP, Serializer.STRING, Serializer.BYTE_ARRAY)
                    .create();
        });
        NodeMetadataStore store;
        try {
            store = new NodeMetadataStore(file, nodeId, db);
        } catch (RuntimeException e) {
            // Boundary: a header without our maps means the file was damaged.
            db.close();
            throw new StorageException(
                    file + " has a RingKV header but unreadable contents (" + e + "): the file is"
                            + " corrupt. Restore it from a backup.",
                    e);
        }
        String owner = store.identity.get(NODE_ID);
        if (!nodeId.equals(owner)) {
            db.close();
            throw new StorageException("data directory " + dataDirectory + " belongs to node '" + owner + "' (see "
                    + file + "), not to node '" + nodeId + "'. Start node '" + owner + "' with it, or give node '"
                    + nodeId + "' its own data directory.");
        }
        LOG.info("Opened node metadata {} of node {}", file, nodeId);
        return store;
    }

    /** The node this data directory belongs to. */
    public String nodeId() {
        return nodeId;
    }

    /** The cluster this node joined, once {@link #bindClusterName} has recorded it. */
    public synchronized Optional<String> clusterName() {
        return read(() -> Optional.ofNullable(identity.get(CLUSTER_NAME)));
    }

    /**
     * Records {@code clusterName} on first call; later calls must name the same cluster.
     *
     * @throws StorageException when the directory already belongs to another cluster
     */
    public synchronized void bindClusterName(String clusterName) {
        Objects.requireNonNull(clusterName, "clusterName");
        Optional<String> recorded = clusterName();
        if (recorded.isPresent()) {
            if (!recorded.get().equals(clusterName)) {
                throw new StorageException("data directory of node '" + nodeId + "' belongs to cluster '"
                        + recorded.get() + "', not '" + clusterName + "' (see " + file + "). Check cluster-name and the"
                        + " seeds, or give the node a fresh data directory to join another cluster.");
            }
            return;
        }
        write(() -> identity.put(CLUSTER_NAME, clusterName));
    }

    /** The incarnation last returned by {@link #startNewIncarnation}, if any. */
    public synchronized OptionalLong lastIncarnation() {
        String stored = read(() -> identity.get(LAST_INCARNATION));
        return stored == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stored));
    }

    /**
     * Starts a new incarnation: {@code max(clock.wallClockMillis(), last + 1)}, so incarnations only grow
     * even when the wall clock goes back. It is committed before it is returned, so a crash right after
     * can never make the next start reuse it.
     */
    public synchronized long startNewIncarnation(Clock clock) {
        OptionalLong last = lastIncarnation();
        long next = Math.max(Math.max(clock.wallClockMillis(), 0L), last.isPresent() ? last.getAsLong() + 1 : 0L);
        write(() -> identity.put(LAST_INCARNATION, Long.toString(next)));
        LOG.info("Node {} starts incarnation {}", nodeId, next);
        return next;
    }

    /** The entry stored under {@code key}, if any. */
    public synchronized <T> Optional<T> get(MetadataKey<T> key) {
        byte[] stored = read(() -> entries.get(key.name()));
        return stored == null ? Optional.empty() : Optional.of(key.decoder().apply(stored));
    }

    /** Stores {@code value} under {@code key}, replacing any previous value; committed on return. */
    public synchronized <T> void put(MetadataKey<T> key, T value) {
        byte[] encoded = key.encoder().apply(Objects.requireNonNull(value, "value"));
        if (encoded.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("metadata entry '" + key.name() + "' has " + encoded.length
                    + " bytes, more than the " + MAX_ENTRY_BYTES + " allowed");
        }
        write(() -> entries.put(key.name(), encoded));
    }

    /** Removes the entry stored under {@code key}, if any; committed on return. */
    public synchronized void remove(MetadataKey<?> key) {
        write(() -> entries.remove(key.name()));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            db.close();
        }
    }

    private <T> T read(Supplier<T> action) {
        ensureOpen();
        try {
            return MapDbStores.withoutPendingInterrupt(action);
        } catch (RuntimeException e) {
            // Boundary: MapDB reports unreadable records with assorted unchecked exceptions.
            throw new StorageException("cannot read node metadata from " + file + ": " + e, e);
        }
    }

    private void write(Runnable change) {
        ensureOpen();
        try {
            MapDbStores.withoutPendingInterrupt(() -> {
                change.run();
                db.commit();
                return null;
            });
        } catch (RuntimeException e) {
            // Boundary: roll back so that a failed change is not committed with the next one.
            rollBackAfter(e);
            throw new StorageException("cannot write node metadata to " + file + ": " + e, e);
        }
    }

    private void rollBackAfter(RuntimeException failure) {
        try {
            db.rollback();
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("node metadata " + file + " is closed");
        }
    }
}
