package io.ringkv.consistency.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.TaggedValue;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@link ResultsDocument} as EDN (keywords stay keywords, one top-level entry per line, as
 * Jepsen's {@code results.edn} reads) and as JSON (keywords become their names without the colon,
 * tagged values their EDN text).
 */
public final class ResultsEncoder {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule("ringkv-edn-values")
                    .addSerializer(Keyword.class, new KeywordSerializer())
                    .addKeySerializer(Keyword.class, new KeywordKeySerializer())
                    .addSerializer(TaggedValue.class, new TaggedValueSerializer()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsEncoder() {}

    /** The document as EDN text ending with a line break. */
    public static String toEdn(Map<Object, Object> document) {
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<Object, Object>> entries = document.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Object, Object> entry = entries.next();
            EdnPrinter.append(out, entry.getKey());
            out.append(' ');
            EdnPrinter.append(out, entry.getValue());
            if (entries.hasNext()) {
                out.append(",\n ");
            }
        }
        return out.append("}\n").toString();
    }

    /**
     * The document as indented JSON text ending with a line break.
     *
     * @throws IllegalArgumentException when the document holds something outside plain data
     */
    public static String toJson(Map<Object, Object> document) {
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("results cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static final class KeywordSerializer extends JsonSerializer<Keyword> {
        @Override
        public void serialize(Keyword keyword, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(keyword.name());
        }
    }

    private static final class KeywordKeySerializer extends JsonSerializer<Keyword> {
        @Override
        public void serialize(Keyword keyword, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeFieldName(keyword.name());
        }
    }

    private static final class TaggedValueSerializer extends JsonSerializer<TaggedValue> {
        @Override
        public void serialize(TaggedValue tagged, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(EdnPrinter.print(tagged));
        }
    }
}
