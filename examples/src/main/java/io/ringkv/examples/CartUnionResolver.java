package io.ringkv.examples;

import io.ringkv.client.Sibling;
import io.ringkv.client.SiblingResolver;
import java.util.List;

/**
 * Merges the siblings of a stored {@link Cart} into the cart holding every item of every sibling. Since
 * {@link Cart#union} is commutative, associative and idempotent, the merged bytes do not depend on the
 * order of the siblings, and an add that any client made survives every merge.
 */
public final class CartUnionResolver implements SiblingResolver<byte[]> {

    public static final CartUnionResolver INSTANCE = new CartUnionResolver();

    @Override
    public byte[] resolve(List<Sibling> siblings) {
        return merge(siblings).encode();
    }

    /** The union of the siblings' carts, decoded. */
    public Cart merge(List<Sibling> siblings) {
        Cart merged = Cart.EMPTY;
        for (Sibling sibling : siblings) {
            merged = merged.union(Cart.decode(sibling.value()));
        }
        return merged;
    }
}
