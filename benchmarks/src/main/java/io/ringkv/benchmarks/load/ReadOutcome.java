package io.ringkv.benchmarks.load;

import java.util.Objects;

/**
 * What a benchmark read returns: whether the key had a value, how many siblings, and the context.
 *
 * @param found false when the key has no value
 * @param siblingCount concurrent values returned; more than one means concurrent updates conflicted
 * @param context the context a following write of the key should carry
 */
public record ReadOutcome(boolean found, int siblingCount, byte[] context) {

    public ReadOutcome {
        Objects.requireNonNull(context, "context");
    }
}
