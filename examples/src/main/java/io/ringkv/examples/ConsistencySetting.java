package io.ringkv.examples;

import io.ringkv.client.Consistency;
import io.ringkv.client.ReadOptions;
import io.ringkv.client.WriteOptions;
import java.util.List;
import java.util.Objects;

/**
 * One way to read and write a key, with the promise it makes in one line.
 *
 * @param name short label for the table
 * @param read the options of every read
 * @param write the options of every write
 * @param guarantee what this setting promises (and what it does not), for a replication factor of 3
 */
public record ConsistencySetting(String name, ReadOptions read, WriteOptions write, String guarantee) {

    public ConsistencySetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(guarantee, "guarantee");
    }

    /** The four settings the tunable-consistency example compares, weakest first. */
    public static List<ConsistencySetting> sideBySide() {
        return List.of(
                quorum(
                        "R=1 W=1",
                        1,
                        Consistency.EVENTUAL,
                        "fastest; one replica answers, so a read may miss the latest write until replicas converge"),
                quorum(
                        "R=2 W=2",
                        2,
                        Consistency.EVENTUAL,
                        "R+W>N overlap while the key's replicas are up; sloppy, so stand-ins may hide a write during"
                                + " failures"),
                quorum(
                        "strict R=2 W=2",
                        2,
                        Consistency.STRICT,
                        "only true replicas count: a read sees the last acknowledged write (or a sibling of it);"
                                + " fails fast when 2 replicas are unreachable"),
                new ConsistencySetting(
                        "linearizable",
                        ReadOptions.DEFAULT.withConsistency(Consistency.LINEARIZABLE),
                        WriteOptions.DEFAULT.withConsistency(Consistency.LINEARIZABLE),
                        "single-key linearizable register on a majority: reads see the latest completed write, no"
                                + " siblings; 2 round trips per write, unavailable in a minority"));
    }

    private static ConsistencySetting quorum(String name, int quorum, Consistency consistency, String guarantee) {
        return new ConsistencySetting(
                name,
                ReadOptions.DEFAULT.withR(quorum).withConsistency(consistency),
                WriteOptions.DEFAULT.withW(quorum).withConsistency(consistency),
                guarantee);
    }
}
