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
    /**
     * A new node joins, then is decommissioned, in each window: membership changes under load. Not part of
     * {@link #MIXED}: partitions name the nodes the run started with, and a joiner would escape them.
     */
    MEMBERSHIP,
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
