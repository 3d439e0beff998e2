package io.ringkv.examples;

import io.ringkv.client.PutResult;
import io.ringkv.client.Resolved;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.WriteOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A shopping cart that two application servers change at the same time, each with its own client
 * whose requests go to a different coordinator. Their concurrent adds come back as siblings, and
 * {@link CartUnionResolver} merges them by set union, so no add is ever lost.
 *
 * <p>Run it against the local dev cluster (started with {@code java -jar server/target/ringkv-server.jar
 * dev}) from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -q -DskipTests package && java -cp examples/target/ringkv-examples.jar io.ringkv.examples.ShoppingCart
 * }</pre>
 *
 * Pass other seeds as the first argument or with {@code -Dringkv.seeds=...}.
 */
public final class ShoppingCart {

    /** The key of the cart; running the example again starts it from empty. */
    public static final String KEY = "cart:example";

    /** How many items each client adds in the concurrent phase. */
    public static final int ADDS_PER_CLIENT = 10;

    private ShoppingCart() {}

    public static void main(String[] args) {
        List<String> seeds = ClusterSeeds.resolve(args, System.getProperties());
        String[] seedArray = seeds.toArray(String[]::new);
        try (RingKvClient alice = RingKvClient.builder().seeds(seedArray).build();
                RingKvClient bob = RingKvClient.builder()
                        .seeds(seedArray)
                        .routingPolicy(new ReplicaOffsetRoutingPolicy(1))
                        .build()) {
            run(alice, bob, KEY, ADDS_PER_CLIENT, System.out);
        }
    }

    /**
     * What the example saw.
     *
     * @param aliceCoordinator the node that coordinated Alice's racing write
     * @param bobCoordinator the node that coordinated Bob's racing write
     * @param siblingsAfterRace how many siblings the read after the race returned
     * @param added every item either client added
     * @param merged the cart read and merged after all adds
     * @param siblingsAfterSettling how many siblings are left once the merged cart was written back
     */
    public record Outcome(
            String aliceCoordinator,
            String bobCoordinator,
            int siblingsAfterRace,
            SortedSet<String> added,
            Cart merged,
            int siblingsAfterSettling) {

        public Outcome {
            added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        }
    }

    /**
     * The example, on two connected clients (ideally routed to different coordinators).
     *
     * @param addsPerClient items each client adds in the concurrent phase
     */
    public static Outcome run(RingKvClient alice, RingKvClient bob, String key, int addsPerClient, PrintStream out) {
        SortedSet<String> added = new TreeSet<>();

        // Start from an empty cart: the update's read context makes this write supersede earlier runs.
        alice.blocking().update(key, CartUnionResolver.INSTANCE, current -> Cart.EMPTY.encode(), WriteOptions.DEFAULT);
        out.printf("%s emptied%n", key);

        // 1. A race: both read the same (empty) cart, then each adds one item and writes back with the
        // context it read. Neither write saw the other, so both are kept as siblings.
        Resolved<byte[]> aliceRead = alice.blocking().getResolved(key, CartUnionResolver.INSTANCE);
        Resolved<byte[]> bobRead = bob.blocking().getResolved(key, CartUnionResolver.INSTANCE);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        PutResult alicePut =
                alice.blocking().put(keyBytes, cartOf(aliceRead).with("book").encode(), aliceRead.context());
        PutResult bobPut =
                bob.blocking().put(keyBytes, cartOf(bobRead).with("lamp").encode(), bobRead.context());
        added.add("book");
        added.add("lamp");
        out.printf("Alice added book via %s, Bob added lamp via %s%n", alicePut.coordinator(), bobPut.coordinator());

        Resolved<byte[]> afterRace = alice.blocking().getResolved(key, CartUnionResolver.INSTANCE);
        out.printf(
                "read: %d siblings, merged by union: %s%n",
                afterRace.siblingCount(), Cart.decode(afterRace.value()).items());

        // 2. Many adds at once: each client runs its own chain of update() calls, both chains in
        // parallel. update() reads, merges the siblings by union, adds the item and writes back with the
        // read's context; adds that race with it come back as siblings for the next merge.
        List<String> aliceItems = items("alice", addsPerClient);
        List<String> bobItems = items("bob", addsPerClient);
        added.addAll(aliceItems);
        added.addAll(bobItems);
        CompletableFuture<PutResult> aliceChain = addAll(alice, key, aliceItems);
        CompletableFuture<PutResult> bobChain = addAll(bob, key, bobItems);
        CompletableFuture.allOf(aliceChain, bobChain).join();
        out.printf("Alice and Bob added %d items each, concurrently%n", addsPerClient);

        Resolved<byte[]> afterAdds = bob.blocking().getResolved(key, CartUnionResolver.INSTANCE);
        Cart merged = Cart.decode(afterAdds.value());
        out.printf(
                "read: %d sibling(s), merged cart has %d items; every add present: %b%n",
                afterAdds.siblingCount(), merged.size(), merged.items().containsAll(added));

        // 3. Settle: write the merged cart back with the read's context, which supersedes every sibling.
        alice.blocking()
                .update(
                        key,
                        CartUnionResolver.INSTANCE,
                        current -> current == null ? Cart.EMPTY.encode() : current,
                        WriteOptions.DEFAULT);
        int siblingsAfterSettling = alice.blocking().get(key).siblings().size();
        out.printf("after writing the merged cart back: %d sibling(s)%n", siblingsAfterSettling);

        return new Outcome(
                alicePut.coordinator(),
                bobPut.coordinator(),
                afterRace.siblingCount(),
                added,
                merged,
                siblingsAfterSettling);
    }

    private static Cart cartOf(Resolved<byte[]> read) {
        return read.found() ? Cart.decode(read.value()) : Cart.EMPTY;
    }

    private static List<String> items(String owner, int count) {
        List<String> items = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            items.add(owner + "-item-" + i);
        }
        return items;
    }

    /** One update() after the other, each adding one item; the stage completes after the last. */
    private static CompletableFuture<PutResult> addAll(RingKvClient client, String key, List<String> items) {
        CompletionStage<PutResult> chain = CompletableFuture.completedFuture(null);
        for (String item : items) {
            chain = chain.thenCompose(previous -> client.update(
                    key,
                    CartUnionResolver.INSTANCE,
                    current -> (current == null ? Cart.EMPTY : Cart.decode(current))
                            .with(item)
                            .encode(),
                    WriteOptions.DEFAULT));
        }
        return chain.toCompletableFuture();
    }
}
