package io.ringkv.client;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Ready-made {@link SiblingResolver}s. */
public final class SiblingResolvers {

    private static final Comparator<Sibling> NEWEST_LAST =
            Comparator.comparingLong(Sibling::writtenAtMillis).thenComparing(Sibling::value, Arrays::compareUnsigned);

    private static final SiblingResolver<byte[]> LAST_WRITE_WINS =
            siblings -> siblings.stream().max(NEWEST_LAST).orElseThrow().value();

    private SiblingResolvers() {}

    /**
     * Keeps the sibling with the latest {@link Sibling#writtenAtMillis()} (ties broken by comparing the
     * bytes, so that every client picks the same one).
     *
     * <p><b>This resolver loses data.</b> Of two concurrent updates only one survives: with two clients
     * adding different items to the same cart at the same time, one item disappears. It also trusts
     * wall clocks, which drift between nodes: a write accepted by a node whose clock runs behind can lose
     * to an older write. Use it only for values where the latest write is all that matters (a session
     * token, a cache entry) and occasional loss is acceptable; merge everything else with a resolver
     * that combines the values.
     */
    public static SiblingResolver<byte[]> lastWriteWins() {
        return LAST_WRITE_WINS;
    }

    /** The single value when there is one sibling; otherwise fails (for data that must never conflict). */
    public static SiblingResolver<byte[]> requireSingle() {
        return SiblingResolvers::single;
    }

    private static byte[] single(List<Sibling> siblings) {
        if (siblings.size() != 1) {
            throw new IllegalStateException("expected one value, found " + siblings.size() + " siblings");
        }
        return siblings.get(0).value();
    }
}
