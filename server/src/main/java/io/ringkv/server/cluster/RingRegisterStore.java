package io.ringkv.server.cluster;

import io.ringkv.server.membership.RingRegister;
import io.ringkv.server.metadata.MetadataKey;
import io.ringkv.server.metadata.NodeMetadataStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Persists the adopted ring register in the node's metadata, so a restart resumes the same layout. */
public final class RingRegisterStore {

    private static final MetadataKey<RingRegister> KEY =
            new MetadataKey<>("ring.register", RingRegisterStore::encode, RingRegisterStore::decode);

    private final NodeMetadataStore metadata;

    public RingRegisterStore(NodeMetadataStore metadata) {
        this.metadata = metadata;
    }

    public Optional<RingRegister> load() {
        return metadata.get(KEY);
    }

    public void save(RingRegister register) {
        metadata.put(KEY, register);
    }

    private static byte[] encode(RingRegister register) {
        byte[] proposer = register.proposer().getBytes(StandardCharsets.UTF_8);
        byte[] payload = register.payload();
        return ByteBuffer.allocate(Long.BYTES + Integer.BYTES + proposer.length + payload.length)
                .putLong(register.epoch())
                .putInt(proposer.length)
                .put(proposer)
                .put(payload)
                .array();
    }

    private static RingRegister decode(byte[] stored) {
        ByteBuffer buffer = ByteBuffer.wrap(stored);
        long epoch = buffer.getLong();
        byte[] proposer = new byte[buffer.getInt()];
        buffer.get(proposer);
        byte[] payload = new byte[buffer.remaining()];
        buffer.get(payload);
        return new RingRegister(epoch, new String(proposer, StandardCharsets.UTF_8), payload);
    }
}
