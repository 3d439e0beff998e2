package io.ringkv.server.cli;

/**
 * How many event loops each node of a {@code dev} cluster gets. The node's own default (2 × cores) is
 * right for a node that has its machine to itself; {@code dev} puts every node on one machine, and N
 * nodes each running 2 × cores event loops spend the CPUs on context switches between threads that
 * mostly wait. On a 2-core machine with 3 nodes, one event loop and four storage threads per node served
 * about a third more operations per second than the defaults, for less CPU per operation
 * (docs/benchmarks.md, "Fewer threads and thread hand-offs per node").
 */
final class ThreadShare {

    private ThreadShare() {}

    /**
     * @param requested the {@code --io-threads} option; 0 means "share the cores out"
     * @param cores the machine's available processors
     * @param nodes the number of nodes sharing them
     * @return {@code requested} when it is positive, else the cores divided among the nodes, at least 1
     */
    static int ioThreadsPerNode(int requested, int cores, int nodes) {
        if (requested < 0 || cores < 1 || nodes < 1) {
            throw new IllegalArgumentException(
                    "need requested >= 0, cores >= 1 and nodes >= 1, was " + requested + ", " + cores + ", " + nodes);
        }
        return requested > 0 ? requested : Math.max(1, cores / nodes);
    }
}
