/**
 * The cluster harness: real RingKV node processes started from the runnable server jar on one machine,
 * each on its own loopback address (listening and connecting from it), with the controls a fault
 * injector needs (kill -9, SIGTERM, SIGSTOP/SIGCONT, restart) applied only to the processes the harness
 * started, through their handles and PIDs. {@link io.ringkv.consistency.cluster.LocalCluster} is the
 * entry point; {@link io.ringkv.consistency.cluster.NodeHttpAdmin} and
 * {@link io.ringkv.consistency.cluster.BinaryCall} talk to the nodes' admin endpoints, and
 * {@link io.ringkv.consistency.cluster.ReplicaStateReader} reads each replica's stored sibling set for
 * the convergence check.
 */
package io.ringkv.consistency.cluster;
