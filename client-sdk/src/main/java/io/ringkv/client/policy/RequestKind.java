package io.ringkv.client.policy;

/** Whether a request only reads (safe to send twice) or writes (never sent twice by the SDK). */
public enum RequestKind {
    READ,
    WRITE
}
