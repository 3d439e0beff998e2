package io.ringkv.client;

/**
 * The consistency one operation asks for. What each mode guarantees, and what it does not, is written
 * down in {@code docs/consistency.md}; in short:
 *
 * <ul>
 *   <li>{@link #EVENTUAL}: sloppy quorum. Down replicas are replaced by stand-ins that keep a hint, so
 *       writes are accepted during failures; concurrent writes come back as siblings.
 *   <li>{@link #STRICT}: only the key's true replicas count toward R and W; the operation fails fast with
 *       an {@link io.ringkv.client.error.UnavailableException} when they cannot be reached. With
 *       R + W &gt; N a read sees the last acknowledged write.
 *   <li>{@link #LINEARIZABLE}: a linearizable single-key register (two phases on a majority); unavailable
 *       in a minority partition.
 * </ul>
 */
public enum Consistency {
    /** Whatever the coordinating node is configured to use (the server's default mode). */
    DEFAULT,
    EVENTUAL,
    STRICT,
    LINEARIZABLE
}
