package io.ringkv.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.CausalContext;
import io.ringkv.client.PutResult;
import io.ringkv.client.Resolved;
import io.ringkv.client.RingKvClient;
import io.ringkv.client.Sibling;
import io.ringkv.client.SiblingResolver;
import io.ringkv.client.WriteOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The shopping cart: several clients, each coordinating on a different replica, add items to one cart at
 * the same time through the read-merge-write helper. Concurrent writes become siblings, the union
 * resolver merges them, and no item is lost.
 */
@RingKvCluster(nodes = 3, replicationFactor = 3, partitionCount = 64)
class CartMergeIT {

    private static final int CLIENTS = 3;
    private static final int ITEMS_PER_CLIENT = 15;

    @Test
    void should_keep_every_item_added_concurrently_through_different_coordinators(EmbeddedRingKvCluster cluster) {
        String cart = "cart:42";
        AtomicInteger mostSiblingsSeen = new AtomicInteger();
        SiblingResolver<byte[]> union = siblings -> {
            mostSiblingsSeen.accumulateAndGet(siblings.size(), Math::max);
            return mergeByUnion(siblings);
        };
        List<RingKvClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String coordinator = cluster.nodeId(c);
            clients.add(cluster.newClient(builder ->
                    builder.randomSeed(coordinator.hashCode()).routingPolicy(new PinnedRoutingPolicy(coordinator))));
        }

        Set<String> added = new HashSet<>();
        Set<String> coordinators = new HashSet<>();
        // Two blind writes through two coordinators: the cart starts with two siblings for certain, so the
        // resolver's merge is exercised however the concurrent updates below happen to interleave.
        for (int c = 0; c < 2; c++) {
            String item = "first-" + c;
            clients.get(c).blocking().put(cart.getBytes(UTF_8), item.getBytes(UTF_8), CausalContext.NONE);
            added.add(item);
        }
        List<CompletionStage<PutResult>> updates = new ArrayList<>();
        for (int i = 0; i < ITEMS_PER_CLIENT; i++) {
            for (int c = 0; c < CLIENTS; c++) {
                String item = "item-" + c + "-" + i;
                added.add(item);
                updates.add(
                        clients.get(c).update(cart, union, current -> addItem(current, item), WriteOptions.DEFAULT));
            }
        }
        for (CompletionStage<PutResult> update : updates) {
            Outcome<PutResult> outcome = Outcome.of(update);
            assertThat(outcome.failure()).isNull();
            coordinators.add(outcome.value().coordinator());
        }

        Resolved<byte[]> resolved = clients.get(0).blocking().getResolved(cart, union);

        System.out.printf(
                "cart: %d concurrent adds through coordinators %s, at most %d siblings merged in one read%n",
                updates.size(), coordinators, mostSiblingsSeen.get());
        assertThat(coordinators).hasSize(CLIENTS);
        assertThat(mostSiblingsSeen.get()).as("siblings merged by the resolver").isGreaterThanOrEqualTo(2);
        assertThat(items(resolved.value())).containsExactlyInAnyOrderElementsOf(added);
    }

    private static byte[] mergeByUnion(List<Sibling> siblings) {
        Set<String> merged = new TreeSet<>();
        for (Sibling sibling : siblings) {
            merged.addAll(items(sibling.value()));
        }
        return String.join(",", merged).getBytes(UTF_8);
    }

    private static byte[] addItem(byte[] current, String item) {
        Set<String> items = new TreeSet<>(current == null ? Set.of() : items(current));
        items.add(item);
        return String.join(",", items).getBytes(UTF_8);
    }

    private static List<String> items(byte[] value) {
        String text = new String(value, UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
