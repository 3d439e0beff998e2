/** A heap-only storage engine for tests and simulations; it keeps nothing across restarts. */
package io.ringkv.server.storage.memory;
