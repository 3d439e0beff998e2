package io.ringkv.consistency.nemesis;

import java.util.Locale;

/** Which faults a run injects. */
public enum NemesisKind {
    /** No faults: a baseline. */
    NONE,
    /** Network partitions of every shape the node count allows. */
    PARTITION,
    /** kill -9 of a minority of nodes, then restart. */
    KILL,
    /** SIGSTOP of a minority of nodes, then SIGCONT. */
    PAUSE,
    /** Each window picks one of partition, kill and pause. */
    MIXED;

    /** Parses {@code partition}, {@code kill}, ... (case-insensitive). */
    public static NemesisKind parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String keywordName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
