/**
 * The node's network transport: the shared Netty {@link io.ringkv.server.net.EventLoops}, the binary
 * protocol server ({@link io.ringkv.server.net.MessageServer}, requests handed to a
 * {@link io.ringkv.server.net.MessageHandler}), the client for requests to peer nodes
 * ({@link io.ringkv.server.net.InternodeClient}), and the {@link io.ringkv.server.net.LinkFilter} fault
 * hook with which tests and the consistency suite partition nodes.
 *
 * <p>Both sides use the protocol module's {@code RingKvCodec}; event loops never block, handler work
 * goes elsewhere, and request timeouts run on the client's wheel timer.
 */
package io.ringkv.server.net;
