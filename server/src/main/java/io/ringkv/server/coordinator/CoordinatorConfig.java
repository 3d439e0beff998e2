package io.ringkv.server.coordinator;

/**
 * Settings of the request coordinator, validated once.
 *
 * @param defaultReadQuorum R when a request says 0
 * @param defaultWriteQuorum W when a request says 0
 * @param requestTimeoutMillis a request's budget when it names none
 * @param handoffAfterMillis how long a write waits for a silent preference-list replica before it also
 *     sends a hinted copy to a stand-in (sloppy quorum); a replica known to be down is replaced at once
 * @param siblingWarnCount siblings above which a client write logs a warning
 * @param siblingMaxCount siblings above which a client write is refused ({@code TOO_MANY_SIBLINGS});
 *     never applied to repair, hint replay or anti-entropy, or an over-limit key could never converge
 * @param objectWarnBytes total value bytes of a key above which a client write logs a warning
 * @param objectMaxBytes total value bytes above which a client write is refused ({@code VALUE_TOO_LARGE})
 */
public record CoordinatorConfig(
        String nodeId,
        int defaultReadQuorum,
        int defaultWriteQuorum,
        long requestTimeoutMillis,
        long handoffAfterMillis,
        int maxKeyBytes,
        int siblingWarnCount,
        int siblingMaxCount,
        long objectWarnBytes,
        long objectMaxBytes) {

    public CoordinatorConfig {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId is required");
        }
        if (defaultReadQuorum < 1 || defaultWriteQuorum < 1) {
            throw new IllegalArgumentException("default R and W must be >= 1");
        }
        if (requestTimeoutMillis < 1 || handoffAfterMillis < 1 || handoffAfterMillis > requestTimeoutMillis) {
            throw new IllegalArgumentException(
                    "timeouts must be positive and handoffAfterMillis <= requestTimeoutMillis, were "
                            + requestTimeoutMillis + " and " + handoffAfterMillis);
        }
        if (maxKeyBytes < 1) {
            throw new IllegalArgumentException("maxKeyBytes must be >= 1");
        }
        if (siblingWarnCount < 1 || siblingMaxCount < siblingWarnCount) {
            throw new IllegalArgumentException("need 1 <= siblingWarnCount <= siblingMaxCount");
        }
        if (objectWarnBytes < 1 || objectMaxBytes < objectWarnBytes) {
            throw new IllegalArgumentException("need 1 <= objectWarnBytes <= objectMaxBytes");
        }
    }

    public static CoordinatorConfig defaults(String nodeId) {
        return new CoordinatorConfig(nodeId, 2, 2, 2_000, 500, 8 * 1024, 25, 100, 1024 * 1024, 4 * 1024 * 1024);
    }
}
