package io.ringkv.server.streaming;

import java.util.Objects;

/**
 * How far one partition copy got: the encoded storage key of the last entry delivered (empty: nothing
 * yet) and whether the copy is complete.
 */
public record StreamProgress(byte[] lastKey, boolean done) {

    public static final StreamProgress NONE = new StreamProgress(new byte[0], false);

    public StreamProgress {
        Objects.requireNonNull(lastKey, "lastKey");
    }
}
