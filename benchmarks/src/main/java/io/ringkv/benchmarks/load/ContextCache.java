package io.ringkv.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The causal context this client last saw for each key, from a read or a write reply. An update sends
 * it so the write supersedes what the client saw; without it every update would be a blind write that
 * the store keeps as a sibling of all the values before it, and reads of hot keys would grow without
 * bound. Thread-safe; the latest reply to complete wins, which is what a real client doing
 * read-your-writes would hold too.
 *
 * <p>Runs against the same data can hand the cache on through a file ({@link #save}, {@link #load}),
 * so a later run's first update of a key is not blind either.
 */
public final class ContextCache {

    private static final byte[] NONE = new byte[0];

    private final AtomicReferenceArray<byte[]> contexts;

    public ContextCache(long keyCount) {
        if (keyCount < 1 || keyCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("key count must be within 1.." + (Integer.MAX_VALUE - 8));
        }
        this.contexts = new AtomicReferenceArray<>((int) keyCount);
    }

    /** The last context seen for the key, or an empty one (a blind write) when none was. */
    public byte[] contextOf(long keyIndex) {
        byte[] context = contexts.get((int) keyIndex);
        return context == null ? NONE : context;
    }

    public void remember(long keyIndex, byte[] context) {
        contexts.set((int) keyIndex, context);
    }

    public long keyCount() {
        return contexts.length();
    }

    /**
     * Writes every known context to {@code file}: the key count, then per key the context length
     * (0 for none) and bytes.
     */
    public void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(contexts.length());
            for (int i = 0; i < contexts.length(); i++) {
                byte[] context = contextOf(i);
                out.writeInt(context.length);
                out.write(context);
            }
        }
    }

    /**
     * Reads contexts {@link #save} wrote for the same key count.
     *
     * @return the number of keys that got a context
     * @throws IOException when the file cannot be read or was written for another key count
     */
    public long load(Path file) throws IOException {
        long loaded = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int keyCount = in.readInt();
            if (keyCount != contexts.length()) {
                throw new IOException(
                        file + " holds contexts of " + keyCount + " keys, this run has " + contexts.length());
            }
            for (int i = 0; i < keyCount; i++) {
                byte[] context = new byte[in.readInt()];
                in.readFully(context);
                if (context.length > 0) {
                    contexts.set(i, context);
                    loaded++;
                }
            }
        }
        return loaded;
    }
}
