package io.ringkv.server.hints;

/**
 * A hint was refused because it would make all hints together exceed {@link HintConfig#maxTotalBytes()}.
 * A definite failure: nothing was stored. The coordinator then counts the stand-in as failed, so the write
 * needs its quorum from other replicas; the owner will get the data from read repair or anti-entropy.
 */
public final class HintStoreFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long maxTotalBytes;

    public HintStoreFullException(String message, long maxTotalBytes) {
        super(message);
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The bound that was reached. */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }
}
