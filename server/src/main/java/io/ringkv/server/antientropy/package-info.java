/**
 * Anti-entropy: per-partition Merkle trees kept current by the replica store's write observer, the
 * exchange that compares them with co-replicas and merges only the differing keys both ways, the I/O
 * budget that throttles it, and the repair-based tombstone purge. See {@code docs/anti-entropy.md}.
 */
package io.ringkv.server.antientropy;
