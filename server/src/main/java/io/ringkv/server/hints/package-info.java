/**
 * Hinted handoff: when a replica of a key is down, a stand-in node keeps the write as a durable hint
 * for it ({@link io.ringkv.server.hints.HintStore}, a MapDB file beside but apart from the data store),
 * and delivers it once gossip sees the owner up again ({@link io.ringkv.server.hints.HintReplayer}). A
 * hint is deleted only after the owner acknowledged it, and only if nothing was merged into it since it
 * was read. Hints are bounded in age and total size; {@code docs/hinted-handoff.md} explains the bounds
 * and what is lost when one is reached.
 */
package io.ringkv.server.hints;
