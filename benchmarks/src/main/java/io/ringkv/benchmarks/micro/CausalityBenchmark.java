package io.ringkv.benchmarks.micro;

import io.ringkv.causal.ActorId;
import io.ringkv.causal.SiblingSet;
import io.ringkv.causal.SiblingSets;
import io.ringkv.causal.VersionVector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The causality operations of every replica write and read repair, on a key with three concurrent
 * siblings of 1 KB: three nodes each coordinated a blind write, one replica holds the first two, another
 * the last two.
 *
 * <ul>
 *   <li>{@link #merge()}: reconciling the two replicas' sets (read repair, hinted hand-off and
 *       anti-entropy all do this); the result holds all three siblings. The replicas differ on purpose,
 *       since merging equal sets takes a shortcut.
 *   <li>{@link #write()}: the coordinator's new version from the context a client read from the merged
 *       set; it covers all three siblings, so the result holds only the new value.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CausalityBenchmark {

    private SiblingSet firstReplica;
    private SiblingSet secondReplica;
    private SiblingSet mergedSet;
    private VersionVector readContext;
    private byte[] resolvedValue;

    @Setup(Level.Trial)
    public void setUp() {
        SiblingSet fromNodeA = blindWrite(SampleData.NODE_A, 10);
        SiblingSet fromNodeB = blindWrite(SampleData.NODE_B, 11);
        SiblingSet fromNodeC = blindWrite(SampleData.NODE_C, 12);
        firstReplica = SiblingSets.merge(fromNodeA, fromNodeB);
        secondReplica = SiblingSets.merge(fromNodeB, fromNodeC);
        mergedSet = SiblingSets.merge(firstReplica, secondReplica);
        readContext = mergedSet.context();
        resolvedValue = SampleData.randomBytes(13, SampleData.VALUE_BYTES);
    }

    /** Merges the two replicas' sets into one of three siblings. */
    @Benchmark
    public SiblingSet merge() {
        return SiblingSets.merge(firstReplica, secondReplica);
    }

    /** Node A writes a resolved value with a context covering all three siblings. */
    @Benchmark
    public SiblingSet write() {
        return SiblingSets.write(
                mergedSet, readContext, SampleData.NODE_A, resolvedValue, false, SampleData.WALL_CLOCK_MILLIS);
    }

    /** The value {@link #write()} stores. */
    byte[] resolvedValue() {
        return resolvedValue;
    }

    private static SiblingSet blindWrite(ActorId coordinator, long valueSeed) {
        return SiblingSets.write(
                SiblingSet.EMPTY,
                VersionVector.EMPTY,
                coordinator,
                SampleData.randomBytes(valueSeed, SampleData.VALUE_BYTES),
                false,
                SampleData.WALL_CLOCK_MILLIS);
    }
}
