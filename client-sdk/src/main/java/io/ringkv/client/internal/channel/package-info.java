/**
 * One connection to a node: the Netty pipeline ({@link io.ringkv.client.internal.channel.ChannelConnector}),
 * request-id multiplexing and reply matching ({@link io.ringkv.client.internal.channel.ClientConnection},
 * {@link io.ringkv.client.internal.channel.ResponseHandler}) and the life of one request to one node
 * ({@link io.ringkv.client.internal.channel.PendingCall}).
 */
package io.ringkv.client.internal.channel;
