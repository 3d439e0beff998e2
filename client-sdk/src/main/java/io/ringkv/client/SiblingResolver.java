package io.ringkv.client;

import java.util.List;

/**
 * The application's merge function: turns the concurrent values of a key into one.
 *
 * <p>Concurrent writes are never dropped by RingKV; they come back as siblings, and only the
 * application knows how to combine them (the union of two shopping carts, the maximum of two
 * counters, ...). A good resolver is
 * <ul>
 *   <li><b>deterministic</b> and <b>order-independent</b>: every client resolving the same siblings
 *       must reach the same value, whatever order they arrive in;
 *   <li><b>idempotent</b>: resolving a value with itself gives the value back;
 *   <li><b>pure</b>: it runs on a client I/O thread, so it must not block.
 * </ul>
 *
 * <p>Removals need care: a plain set union brings back an item one client removed while another
 * added something else. Keep removed items as tombstones in the value (an OR-set) when that matters.
 *
 * <p>{@link SiblingResolvers#lastWriteWins()} is the ready-made resolver for data that can afford to
 * lose concurrent updates.
 *
 * @param <T> what the merged value is (often {@code byte[]}, or the application's own type when the
 *     resolver also decodes)
 */
@FunctionalInterface
public interface SiblingResolver<T> {

    /**
     * Merges the siblings of one key.
     *
     * @param siblings the live values, never empty; a single sibling is passed too, so that decoding
     *     resolvers see every value
     * @return the merged value, not null
     */
    T resolve(List<Sibling> siblings);
}
