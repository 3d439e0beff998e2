/**
 * Partitioning shared by the client SDK and the server: keys hash to 64-bit tokens
 * ({@link io.ringkv.ring.Murmur3} x64_128, first word, signed), the token ring is cut into Q equal
 * partitions ({@link io.ringkv.ring.Partitioner}), each partition is owned by one node, and an immutable
 * {@link io.ringkv.ring.RingSnapshot} holds that ownership together with a precomputed preference list per
 * partition (the first N distinct, and when racks are set rack-distinct, nodes clockwise), which both
 * clients and coordinators use to route a key without further computation.
 * {@link io.ringkv.ring.PartitionAssigner} produces balanced ownership (the Dynamo paper's strategy 3): every
 * node owns ⌊Q/S⌋ or ⌈Q/S⌉ partitions scattered around the ring, and a join or leave moves only the partitions
 * it must. Everything here is pure computation with no I/O, clocks or threads: snapshots are immutable and
 * safe to share, and a ring change means building a new snapshot and publishing it atomically.
 */
package io.ringkv.ring;
