package io.ringkv.consistency.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.TaggedValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsEncoderTest {

    private static Map<Object, Object> document() {
        Map<Object, Object> document = new LinkedHashMap<>();
        document.put(Keyword.of("valid?"), Keyword.of("unknown"));
        document.put(Keyword.of("test"), "set \"quoted\"");
        document.put(Keyword.of("results"), Map.of(Keyword.of("f"), Keyword.of("add"), "k [1 2]", List.of(1L)));
        document.put(Keyword.of("started"), new TaggedValue("inst", "2026-11-25T10:00:00Z"));
        document.put(Keyword.of("fraction"), null);
        return document;
    }

    @Test
    void should_write_keywords_as_their_names_in_json() throws IOException {
        JsonNode json = new ObjectMapper().readTree(ResultsEncoder.toJson(document()));

        assertThat(json.get("valid?").asText()).isEqualTo("unknown");
        assertThat(json.get("test").asText()).isEqualTo("set \"quoted\"");
        assertThat(json.at("/results/f").asText()).isEqualTo("add");
        assertThat(json.get("results").get("k [1 2]").get(0).asLong()).isEqualTo(1);
        assertThat(json.get("started").asText()).isEqualTo("#inst \"2026-11-25T10:00:00Z\"");
        assertThat(json.get("fraction").isNull()).isTrue();
    }

    @Test
    void should_write_one_top_level_entry_per_line_in_edn() {
        String edn = ResultsEncoder.toEdn(document());

        assertThat(edn.lines().toList()).hasSize(5).first().isEqualTo("{:valid? :unknown,");
        assertThat(edn).contains(" :test \"set \\\"quoted\\\"\",\n").endsWith(" :fraction nil}\n");
    }
}
