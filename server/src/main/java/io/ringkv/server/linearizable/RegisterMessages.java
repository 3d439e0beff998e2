package io.ringkv.server.linearizable;

import io.ringkv.protocol.message.AbdQueryReply;
import io.ringkv.protocol.message.AbdQueryRequest;
import io.ringkv.protocol.message.AbdWriteRequest;
import io.ringkv.server.storage.StorageKey;

/**
 * Maps registers to the ABD wire messages and back, in one place for both sides. The query reply has no
 * tombstone flag: a replica reports a tombstone as {@code present=false} with its (non-zero) tag, which
 * is all a coordinator needs to write it back.
 */
final class RegisterMessages {

    private RegisterMessages() {}

    static AbdQueryRequest query(StorageKey key) {
        return new AbdQueryRequest(key.key(), key.partition(), key.token());
    }

    static AbdQueryReply queryReply(Register register) {
        return new AbdQueryReply(register.tag(), register.value(), register.present());
    }

    static Register fromQueryReply(AbdQueryReply reply) {
        return reply.present() ? Register.value(reply.tag(), reply.value()) : Register.tombstone(reply.tag());
    }

    static AbdWriteRequest write(StorageKey key, Register register) {
        return new AbdWriteRequest(
                key.key(), key.partition(), key.token(), register.tag(), register.value(), register.tombstone());
    }

    static StorageKey keyOf(AbdQueryRequest request) {
        return new StorageKey(request.partition(), request.token(), request.key());
    }

    static StorageKey keyOf(AbdWriteRequest request) {
        return new StorageKey(request.partition(), request.token(), request.key());
    }

    static Register registerOf(AbdWriteRequest request) {
        return request.tombstone() ? Register.tombstone(request.tag()) : Register.value(request.tag(), request.value());
    }
}
