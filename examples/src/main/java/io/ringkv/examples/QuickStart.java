package io.ringkv.examples;

import io.ringkv.client.BlockingRingKvClient;
import io.ringkv.client.GetResult;
import io.ringkv.client.PutResult;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.Sibling;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Quick start: connect, write, read, make two concurrent writes that come back as siblings, and resolve
 * them by writing the merged value with the read's context.
 *
 * <p>Run it against the local dev cluster (started with {@code java -jar server/target/ringkv-server.jar
 * dev}) from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -DskipTests package && java -cp examples/target/ringkv-examples.jar io.ringkv.examples.QuickStart
 * }</pre>
 *
 * Pass other seeds as the first argument ({@code 10.0.0.5:7101,10.0.0.6:7101}) or with
 * {@code -Dringkv.seeds=...}.
 */
public final class QuickStart {

    /** The key this example writes; running it again supersedes what the last run left. */
    public static final String KEY = "quickstart:greeting";

    private QuickStart() {}

    public static void main(String[] args) {
        List<String> seeds = ClusterSeeds.resolve(args, System.getProperties());
        try (RingKvClient client =
                RingKvClient.builder().seeds(seeds.toArray(String[]::new)).build()) {
            run(client, KEY, System.out);
        }
    }

    /**
     * What the walk-through saw.
     *
     * @param firstRead the value read back after the first write
     * @param siblings the values of the two concurrent writes, as one read returned them (sorted)
     * @param resolved the single value left after the resolving write
     */
    public record Outcome(String firstRead, List<String> siblings, String resolved) {}

    /** The walk-through, on a connected client. */
    public static Outcome run(RingKvClient client, String key, PrintStream out) {
        BlockingRingKvClient kv = client.blocking();

        // Read before the first write: its context lets the write supersede whatever an earlier run
        // left under this key. A write with CausalContext.NONE would become a sibling of it instead.
        GetResult before = kv.get(key);
        out.printf("read %s: %s%n", key, before.found() ? before.siblings().size() + " value(s)" : "not found");

        PutResult put = kv.put(key, "hello", before.context());
        out.printf("put %s = hello (coordinated by %s)%n", key, put.coordinator());

        GetResult read = kv.get(key);
        String firstRead = read.valueAsString();
        out.printf("get %s -> %s%n", key, firstRead);

        // Two writes that both carry the context of the same read: neither saw the other, so RingKV
        // keeps both instead of silently dropping one. Sent together through the asynchronous API.
        CompletableFuture<PutResult> alice =
                client.put(key, "hello from Alice", read.context()).toCompletableFuture();
        CompletableFuture<PutResult> bob =
                client.put(key, "hello from Bob", read.context()).toCompletableFuture();
        CompletableFuture.allOf(alice, bob).join();
        out.println("two concurrent puts, both based on the same read");

        GetResult conflicted = kv.get(key);
        List<String> siblings = conflicted.siblings().stream()
                .map(Sibling::valueAsString)
                .sorted()
                .toList();
        out.printf("get %s -> %d siblings: %s%n", key, siblings.size(), siblings);

        // Resolve: merge the siblings (here, join them) and write the result with the context of the
        // read that returned them. That context covers both siblings, so this write replaces them.
        String merged = String.join(" & ", siblings);
        kv.put(key, merged, conflicted.context());
        GetResult settled = kv.get(key);
        String resolved = settled.valueAsString();
        out.printf("resolved: get %s -> %s%n", key, resolved);
        return new Outcome(firstRead, siblings, resolved);
    }
}
