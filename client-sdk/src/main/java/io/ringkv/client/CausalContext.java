package io.ringkv.client;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The causal history a client has seen for one key: an opaque token that a read returns and the next
 * write of the same key sends back, so the write supersedes exactly the versions that were read. A
 * write without one ({@link #NONE}, a "blind write") supersedes nothing: it becomes a sibling of
 * whatever is stored.
 *
 * <p>Applications never look inside a context. They keep it with the value they read and, when the
 * value travels through another tier (a web form, an HTTP API), carry it as {@link #toBase64()} text and
 * restore it with {@link #fromBase64(String)}. The text form is the one the server's HTTP API uses, so
 * contexts move freely between the two.
 *
 * <p>Immutable and thread-safe. Two contexts are equal when their bytes are.
 */
public final class CausalContext {

    /** No context: a blind write. */
    public static final CausalContext NONE = new CausalContext(new byte[0]);

    private static final Base64.Encoder TEXT_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] bytes;

    private CausalContext(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A context holding a copy of {@code bytes}; an empty array gives {@link #NONE}. */
    public static CausalContext fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? NONE : new CausalContext(bytes.clone());
    }

    /**
     * Parses the text form. Accepts URL-safe base64 (what {@link #toBase64()} writes) and standard
     * base64, with or without padding; the empty string gives {@link #NONE}.
     *
     * @throws IllegalArgumentException when {@code text} is not base64
     */
    public static CausalContext fromBase64(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return NONE;
        }
        boolean standardAlphabet = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
        byte[] decoded = standardAlphabet
                ? Base64.getDecoder().decode(text)
                : Base64.getUrlDecoder().decode(text);
        return decoded.length == 0 ? NONE : new CausalContext(decoded);
    }

    /** The URL-safe base64 text of this context, without padding; empty for {@link #NONE}. */
    public String toBase64() {
        return TEXT_ENCODER.encodeToString(bytes);
    }

    /** A copy of the context's bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** True for {@link #NONE}. */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CausalContext that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length == 0 ? "CausalContext[NONE]" : "CausalContext[" + bytes.length + " bytes]";
    }
}
