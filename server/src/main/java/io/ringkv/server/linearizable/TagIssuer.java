package io.ringkv.server.linearizable;

import io.ringkv.protocol.message.AbdTag;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues the tags of one coordinator's writes so that no two writes anywhere share a tag.
 *
 * <p>ABD orders writes by tag, and a replica ignores a tag it already holds; two different values under
 * one tag would let replicas disagree forever about the value of that tag. Plain {@code (max + 1, node)}
 * is not enough: two writes through the same node can query the same maximum concurrently, and a node
 * that restarts can query a majority that missed its last pre-crash write. So the counter is also greater
 * than every counter this issuer handed out before (one counter for all keys: uniqueness is what
 * matters, not density), and the writer id names the node's incarnation as well as the node.
 *
 * <p>Thread-safe: writes on many event loops ask for tags at once.
 */
final class TagIssuer {

    private final String writerId;
    private final AtomicLong lastCounter = new AtomicLong();

    /** @param writerId unique to this node and this run of it, e.g. {@code n1/1712345678901} */
    TagIssuer(String writerId) {
        this.writerId = Objects.requireNonNull(writerId, "writerId");
        if (writerId.isEmpty()) {
            throw new IllegalArgumentException("writerId must not be empty (the empty writer is AbdTag.ZERO's)");
        }
    }

    /** A tag greater than {@code highestSeen} and than every tag this issuer issued before. */
    AbdTag after(AbdTag highestSeen) {
        long counter = lastCounter.updateAndGet(last -> Math.max(last, highestSeen.counter()) + 1);
        return new AbdTag(counter, writerId);
    }

    String writerId() {
        return writerId;
    }
}
