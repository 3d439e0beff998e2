package io.ringkv.benchmarks.load;

/** Which node a request is sent to. */
public enum Routing {
    /** A node of the key's preference list, the first one alive: it coordinates without forwarding. */
    TOKEN,
    /**
     * Any node, chosen uniformly at random: the client-agnostic load balancer of the Dynamo paper. When
     * the node is not a replica of the key it forwards the request, one more network hop.
     */
    RANDOM
}
