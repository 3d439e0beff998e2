/**
 * Fault injection, after Jepsen's nemeses: network partitions of several shapes (random halves, a
 * majority and a minority, one node isolated, a bridge, a ring of overlapping majorities), kill -9 with
 * restart, and pause (SIGSTOP/SIGCONT). A {@link io.ringkv.consistency.nemesis.NemesisSchedule} is a
 * pure function of the seed and the node ids; {@link io.ringkv.consistency.nemesis.NemesisDriver} plays
 * it in real time, records each fault in the history as a {@code :nemesis} operation and heals
 * everything at the end. Partitions are packet-filter rules ({@link
 * io.ringkv.consistency.nemesis.NftablesPartitioner}) where the runner is root with a working
 * {@code nft}, otherwise the nodes' own link filter ({@link
 * io.ringkv.consistency.nemesis.LinkFilterPartitioner}).
 */
package io.ringkv.consistency.nemesis;
