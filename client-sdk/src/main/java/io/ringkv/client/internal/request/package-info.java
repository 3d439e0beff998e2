/**
 * The life of one operation: what gets, puts and deletes send and expect
 * ({@link io.ringkv.client.internal.request.Operation}), failover, speculative reads and the deadline
 * ({@link io.ringkv.client.internal.request.RequestExecution}), and the mapping of error replies to the
 * public exceptions ({@link io.ringkv.client.internal.request.ErrorMapper}).
 */
package io.ringkv.client.internal.request;
