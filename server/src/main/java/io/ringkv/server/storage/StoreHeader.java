package io.ringkv.server.storage;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The small record every RingKV store file starts its life with: a magic string, the on-disk format
 * version and the kind of store ({@code mapdb}, {@code rocksdb}, {@code node-metadata}). Opening a store
 * checks it, so that a file of another program, of another kind, or of a newer format is refused with a
 * clear message instead of being misread or silently recreated.
 *
 * <p>Encoded as one line of UTF-8 text, {@code ringkv-store format=1 kind=mapdb}, so an operator can
 * recognise it with {@code strings}.
 *
 * @param formatVersion the on-disk format of the store's contents, {@code >= 1}
 * @param kind the kind of store
 */
public record StoreHeader(int formatVersion, String kind) {

    public static final String MAGIC = "ringkv-store";

    /** The format this code writes and reads. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    public StoreHeader {
        if (formatVersion < 1) {
            throw new IllegalArgumentException("format version must be >= 1, was " + formatVersion);
        }
        Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty() || kind.contains(" ")) {
            throw new IllegalArgumentException("kind must be one word, was '" + kind + "'");
        }
    }

    /** The header this code writes for a new store of {@code kind}. */
    public static StoreHeader current(String kind) {
        return new StoreHeader(CURRENT_FORMAT_VERSION, kind);
    }

    public byte[] encode() {
        return (MAGIC + " format=" + formatVersion + " kind=" + kind).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks that {@code stored} (the header bytes found in the store at {@code location}, or {@code null}
     * when there were none) is a header of {@code expectedKind} in a format this code reads.
     *
     * @throws StorageException naming {@code location} and what to do, otherwise
     */
    public static void verify(byte[] stored, String expectedKind, String location) {
        if (stored == null) {
            throw new StorageException(location + " is not a RingKV " + expectedKind + " store (it has no RingKV"
                    + " header): it belongs to another program or was not created by RingKV. Move it away or point"
                    + " the node at the right data directory; RingKV will not overwrite it.");
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        String[] words = text.split(" ");
        if (words.length != 3
                || !words[0].equals(MAGIC)
                || !words[1].startsWith("format=")
                || !words[2].startsWith("kind=")) {
            throw new StorageException(location + " has an unreadable RingKV header ('" + abbreviate(text)
                    + "'): the file is corrupt or foreign. Restore it from a backup, or move it away and let the"
                    + " node rebuild its data from its replicas.");
        }
        int format;
        try {
            format = Integer.parseInt(words[1].substring("format=".length()));
        } catch (NumberFormatException e) {
            throw new StorageException(
                    location + " has an unreadable format version in its header ('" + abbreviate(text)
                            + "'): the file is corrupt.",
                    e);
        }
        String kind = words[2].substring("kind=".length());
        if (!kind.equals(expectedKind)) {
            throw new StorageException(location + " is a RingKV " + kind + " store, not a " + expectedKind
                    + " store. Check the configured storage engine and data directory.");
        }
        if (format > CURRENT_FORMAT_VERSION) {
            throw new StorageException(location + " uses storage format " + format + ", written by a newer RingKV;"
                    + " this version reads format " + CURRENT_FORMAT_VERSION + " only. Upgrade this node.");
        }
        if (format < 1) {
            throw new StorageException(location + " has an invalid format version " + format + " in its header.");
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }
}
