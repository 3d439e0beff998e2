package io.ringkv.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.client.Sibling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The laws that make set union a safe sibling merge, checked on seeded random carts. Each trial has its
 * own seed, named in the failure message, so a failing case can be replayed alone.
 */
class CartUnionResolverTest {

    private static final long BASE_SEED = 0x5EED_CA27L;
    private static final int TRIALS = 500;
    private static final List<String> CATALOGUE = List.of(
            "apples", "book", "café", "lamp", "pears", "plums", "tea pot", "umbrella", "socks", "kettle", "mug", "pen");

    private final CartUnionResolver resolver = CartUnionResolver.INSTANCE;

    @Test
    void should_merge_commutatively() {
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = BASE_SEED + trial;
            Random random = new Random(seed);
            Cart a = randomCart(random);
            Cart b = randomCart(random);

            assertThat(a.union(b)).as("seed %d", seed).isEqualTo(b.union(a));
        }
    }

    @Test
    void should_merge_associatively() {
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = BASE_SEED + trial;
            Random random = new Random(seed);
            Cart a = randomCart(random);
            Cart b = randomCart(random);
            Cart c = randomCart(random);

            assertThat(a.union(b).union(c)).as("seed %d", seed).isEqualTo(a.union(b.union(c)));
        }
    }

    @Test
    void should_merge_idempotently() {
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = BASE_SEED + trial;
            Cart a = randomCart(new Random(seed));

            assertThat(a.union(a)).as("seed %d", seed).isEqualTo(a);
        }
    }

    @Test
    void should_give_the_same_bytes_whatever_the_order_of_the_siblings() {
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = BASE_SEED + trial;
            Random random = new Random(seed);
            List<Sibling> siblings = randomSiblings(random);
            List<Sibling> shuffled = new ArrayList<>(siblings);
            Collections.shuffle(shuffled, random);

            assertThat(resolver.resolve(shuffled)).as("seed %d", seed).isEqualTo(resolver.resolve(siblings));
        }
    }

    @Test
    void should_keep_every_item_of_every_sibling_and_nothing_else() {
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = BASE_SEED + trial;
            List<Sibling> siblings = randomSiblings(new Random(seed));
            List<String> expected = new ArrayList<>();
            for (Sibling sibling : siblings) {
                expected.addAll(Cart.decode(sibling.value()).items());
            }

            Cart merged = Cart.decode(resolver.resolve(siblings));

            assertThat(merged.items())
                    .as("seed %d", seed)
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream().distinct().toList());
        }
    }

    @Test
    void should_be_unchanged_by_a_duplicated_sibling_or_a_merged_value_read_again() {
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = BASE_SEED + trial;
            Random random = new Random(seed);
            List<Sibling> siblings = randomSiblings(random);
            byte[] merged = resolver.resolve(siblings);
            List<Sibling> withRepeats = new ArrayList<>(siblings);
            withRepeats.add(siblings.get(random.nextInt(siblings.size())));
            withRepeats.add(new Sibling(merged, 0));

            assertThat(resolver.resolve(withRepeats)).as("seed %d", seed).isEqualTo(merged);
            assertThat(resolver.resolve(List.of(new Sibling(merged, 0))))
                    .as("seed %d", seed)
                    .isEqualTo(merged);
        }
    }

    @Test
    void should_resolve_the_cart_two_racing_clients_left() {
        List<Sibling> siblings = List.of(
                new Sibling(Cart.of("book").encode(), 1_000),
                new Sibling(Cart.of("lamp").encode(), 1_001));

        assertThat(resolver.merge(siblings).items()).containsExactly("book", "lamp");
    }

    private static List<Sibling> randomSiblings(Random random) {
        int count = 1 + random.nextInt(5);
        List<Sibling> siblings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            siblings.add(new Sibling(randomCart(random).encode(), random.nextInt(1_000_000)));
        }
        return siblings;
    }

    private static Cart randomCart(Random random) {
        Cart cart = Cart.EMPTY;
        int size = random.nextInt(CATALOGUE.size() + 1);
        for (int i = 0; i < size; i++) {
            cart = cart.with(CATALOGUE.get(random.nextInt(CATALOGUE.size())));
        }
        return cart;
    }
}
