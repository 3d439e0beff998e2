package io.ringkv.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ringkv.protocol.message.Envelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the golden frames of {@link GoldenVectors} into {@code src/test/resources/golden/}. Runs only
 * with {@code -Dringkv.golden.write=true}, on purpose: regenerating existing files would hide exactly
 * the accidental format change the golden test exists to catch.
 *
 * <pre>./mvnw -pl protocol test -Dtest=GoldenVectorWriter -Dringkv.golden.write=true</pre>
 */
@EnabledIfSystemProperty(named = "ringkv.golden.write", matches = "true")
class GoldenVectorWriter {

    @Test
    void should_write_one_file_per_golden_envelope() throws IOException {
        Path folder = Path.of("src", "test", "resources", GoldenVectors.RESOURCE_FOLDER);
        Files.createDirectories(folder);
        for (Map.Entry<String, Envelope> vector : GoldenVectors.all().entrySet()) {
            Files.write(folder.resolve(vector.getKey() + ".bin"), frame(vector.getValue()));
        }
    }

    /** The frame exactly as the codec puts it on the wire: length field, then envelope. */
    static byte[] frame(Envelope envelope) {
        EmbeddedChannel channel = new EmbeddedChannel(new RingKvCodec());
        try {
            channel.writeOutbound(envelope);
            ByteBuf frame = channel.readOutbound();
            try {
                return ByteBufUtil.getBytes(frame);
            } finally {
                frame.release();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
