/**
 * Node metadata: what a node remembers about itself across restarts (the node id its data directory
 * belongs to, its cluster name, its last incarnation, and small typed entries such as the latest ring
 * assignment), kept in its own small transactional file beside the data store, so that a data directory
 * can never be started as a different node and incarnations never repeat.
 */
package io.ringkv.server.metadata;
