package io.ringkv.client.testing;

import io.netty.channel.ChannelHandlerContext;
import io.ringkv.protocol.message.Envelope;
import io.ringkv.protocol.message.Message;
import java.util.concurrent.TimeUnit;

/** One client request received by a {@link FakeNode}, and the ways to answer it. */
public final class FakeExchange {

    private final FakeNode node;
    private final ChannelHandlerContext context;
    private final Envelope request;

    FakeExchange(FakeNode node, ChannelHandlerContext context, Envelope request) {
        this.node = node;
        this.context = context;
        this.request = request;
    }

    public Envelope request() {
        return request;
    }

    public Message body() {
        return request.body();
    }

    public FakeNode node() {
        return node;
    }

    /** What the cluster's in-memory store answers. */
    public Message defaultReply() {
        return node.cluster().store().handle(node.nodeId(), request.body());
    }

    public void reply(Message body) {
        context.writeAndFlush(request.reply(node.ringVersion(), body));
    }

    public void replyAfter(long delayMillis, Message body) {
        context.executor().schedule(() -> reply(body), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Closes the connection the request came on, without answering. */
    public void closeConnection() {
        context.close();
    }

    /** Leaves the request unanswered. */
    public void ignore() {}
}
