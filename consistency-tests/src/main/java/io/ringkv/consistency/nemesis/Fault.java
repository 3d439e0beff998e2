package io.ringkv.consistency.nemesis;

import io.ringkv.consistency.history.Keyword;
import java.util.List;
import java.util.Objects;

/**
 * One fault a nemesis injects and later heals. The {@code :f} names of its two history operations
 * ({@link #startFunction()}, {@link #stopFunction()}) and its {@link #ednValue()} are what reports read
 * back to find the fault windows.
 */
public sealed interface Fault {

    /** The {@code :f} of the nemesis operation that injects the fault. */
    String startFunction();

    /** The {@code :f} of the nemesis operation that heals it. */
    String stopFunction();

    /** The value recorded with both operations. */
    Object ednValue();

    /** A short description for logs: {@code partition halves {n1=[n3]...}}, {@code kill [n2]}. */
    String describe();

    /**
     * A network partition.
     *
     * @param shape how the nodes were split
     * @param grudge who cannot reach whom
     */
    record Partition(PartitionShape shape, Grudge grudge) implements Fault {
        public Partition {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(grudge, "grudge");
        }

        @Override
        public String startFunction() {
            return "start-partition";
        }

        @Override
        public String stopFunction() {
            return "stop-partition";
        }

        @Override
        public Object ednValue() {
            return List.of(Keyword.of(shape.keywordName()), grudge.ednValue());
        }

        @Override
        public String describe() {
            return "partition " + shape.keywordName() + " " + grudge.cut();
        }
    }

    /**
     * kill -9 of some nodes, healed by restarting them on their data.
     *
     * @param nodes the victims, sorted
     */
    record Kill(List<String> nodes) implements Fault {
        public Kill {
            nodes = List.copyOf(nodes.stream().sorted().toList());
        }

        @Override
        public String startFunction() {
            return "kill";
        }

        @Override
        public String stopFunction() {
            return "restart";
        }

        @Override
        public Object ednValue() {
            return nodes;
        }

        @Override
        public String describe() {
            return "kill " + nodes;
        }
    }

    /**
     * SIGSTOP of some nodes, healed by SIGCONT.
     *
     * @param nodes the victims, sorted
     */
    record Pause(List<String> nodes) implements Fault {
        public Pause {
            nodes = List.copyOf(nodes.stream().sorted().toList());
        }

        @Override
        public String startFunction() {
            return "pause";
        }

        @Override
        public String stopFunction() {
            return "resume";
        }

        @Override
        public Object ednValue() {
            return nodes;
        }

        @Override
        public String describe() {
            return "pause " + nodes;
        }
    }

    /**
     * A membership change under load: a new node joins (streaming the partitions it gains while clients
     * write), healed by decommissioning it again (streaming them back), so the cluster ends as it began.
     *
     * @param node the joiner's id, one no node of the run has had before
     */
    record Join(String node) implements Fault {
        public Join {
            Objects.requireNonNull(node, "node");
        }

        @Override
        public String startFunction() {
            return "join";
        }

        @Override
        public String stopFunction() {
            return "leave";
        }

        @Override
        public Object ednValue() {
            return node;
        }

        @Override
        public String describe() {
            return "join " + node;
        }
    }

    /** The start and stop {@code :f} names of every fault kind, start first. */
    static List<List<String>> functionPairs() {
        return List.of(
                List.of("start-partition", "stop-partition"),
                List.of("kill", "restart"),
                List.of("pause", "resume"),
                List.of("join", "leave"));
    }
}
