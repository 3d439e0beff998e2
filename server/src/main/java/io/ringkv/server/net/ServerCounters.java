package io.ringkv.server.net;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of one {@link MessageServer}, for metrics and tests. Every event loop adds to them, so
 * they are {@link LongAdder}s: cheap to bump, and a read is a moment's sum rather than a consistent
 * snapshot across counters.
 */
public final class ServerCounters {

    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsClosed = new LongAdder();
    private final LongAdder requestsReceived = new LongAdder();
    private final LongAdder repliesSent = new LongAdder();
    private final LongAdder malformedFrames = new LongAdder();
    private final LongAdder overloadedRejections = new LongAdder();
    private final LongAdder shuttingDownRejections = new LongAdder();
    private final LongAdder handlerFailures = new LongAdder();
    private final LongAdder replyWriteFailures = new LongAdder();

    ServerCounters() {}

    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    public long connectionsClosed() {
        return connectionsClosed.sum();
    }

    public long openConnections() {
        // Read closed first: a connection closing between the two reads is then never counted negative.
        long closed = connectionsClosed.sum();
        return connectionsOpened.sum() - closed;
    }

    /** Well-formed request envelopes, including those answered OVERLOADED or SHUTTING_DOWN. */
    public long requestsReceived() {
        return requestsReceived.sum();
    }

    /** Replies (including error replies) that reached the socket. */
    public long repliesSent() {
        return repliesSent.sum();
    }

    /** Frames the codec could not decode, each answered with an error reply. */
    public long malformedFrames() {
        return malformedFrames.sum();
    }

    /** Requests refused because their connection had too many in flight. */
    public long overloadedRejections() {
        return overloadedRejections.sum();
    }

    /** Requests refused because the server was draining. */
    public long shuttingDownRejections() {
        return shuttingDownRejections.sum();
    }

    /** Handler stages that failed (or handlers that threw), answered INTERNAL. */
    public long handlerFailures() {
        return handlerFailures.sum();
    }

    /** Replies that could not be written: encoding failures and connections closed before the reply. */
    public long replyWriteFailures() {
        return replyWriteFailures.sum();
    }

    void connectionOpened() {
        connectionsOpened.increment();
    }

    void connectionClosed() {
        connectionsClosed.increment();
    }

    void requestReceived() {
        requestsReceived.increment();
    }

    void replySent() {
        repliesSent.increment();
    }

    void malformedFrame() {
        malformedFrames.increment();
    }

    void overloadedRejection() {
        overloadedRejections.increment();
    }

    void shuttingDownRejection() {
        shuttingDownRejections.increment();
    }

    void handlerFailure() {
        handlerFailures.increment();
    }

    void replyWriteFailure() {
        replyWriteFailures.increment();
    }

    @Override
    public String toString() {
        return "ServerCounters{connectionsOpened=" + connectionsOpened()
                + ", connectionsClosed=" + connectionsClosed()
                + ", requestsReceived=" + requestsReceived()
                + ", repliesSent=" + repliesSent()
                + ", malformedFrames=" + malformedFrames()
                + ", overloadedRejections=" + overloadedRejections()
                + ", shuttingDownRejections=" + shuttingDownRejections()
                + ", handlerFailures=" + handlerFailures()
                + ", replyWriteFailures=" + replyWriteFailures()
                + '}';
    }
}
