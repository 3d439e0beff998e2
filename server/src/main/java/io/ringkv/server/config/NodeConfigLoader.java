package io.ringkv.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link NodeConfig} from defaults, then an optional YAML file, then command-line overrides
 * (later wins). Keys use the YAML spelling ({@code node-id}, {@code storage.engine}, …); an unknown key
 * is an error, so a typo never silently falls back to a default.
 */
public final class NodeConfigLoader {

    /** Every key and its default, in the order {@code docs/configuration.md} documents them. */
    private static final Map<String, String> DEFAULTS = orderedDefaults();

    private final Map<String, String> values = new HashMap<>(DEFAULTS);

    public static Set<String> knownKeys() {
        return DEFAULTS.keySet();
    }

    /** Reads a YAML file whose nested mappings use the same names as the keys ({@code storage: {engine: …}}). */
    public NodeConfigLoader withYaml(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (IOException unreadable) {
            throw new InvalidConfigException(List.of("cannot read " + file + ": " + unreadable.getMessage()));
        }
        if (root != null && !root.isNull()) {
            if (!root.isObject()) {
                throw new InvalidConfigException(List.of(file + " must hold a YAML mapping"));
            }
            flatten("", root, file);
        }
        return this;
    }

    public NodeConfigLoader with(String key, String value) {
        if (!DEFAULTS.containsKey(key)) {
            throw new InvalidConfigException(List.of("unknown setting '" + key + "'"));
        }
        if (value != null) {
            values.put(key, value);
        }
        return this;
    }

    public NodeConfig build() {
        List<String> problems = new ArrayList<>();
        if (values.get("node-id").isEmpty()) {
            problems.add("node-id is required (--id or node-id in the YAML file)");
        }
        if (values.get("data-dir").isEmpty()) {
            problems.add("data-dir is required (--data-dir or data-dir in the YAML file)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new NodeConfig(
                text("node-id"),
                text("cluster-name"),
                text("host"),
                number("port"),
                number("http-port"),
                Path.of(text("data-dir")),
                list("seeds"),
                text("rack"),
                number("partition-count"),
                number("replication-factor"),
                new NodeConfig.StorageSettings(
                        text("storage.engine"),
                        text("storage.sync-policy"),
                        number("storage.group-commit-interval-millis")),
                new NodeConfig.RequestSettings(
                        number("requests.default-r"),
                        number("requests.default-w"),
                        longNumber("requests.timeout-millis"),
                        longNumber("requests.handoff-after-millis"),
                        number("requests.max-key-bytes"),
                        number("requests.sibling-warn-count"),
                        number("requests.sibling-max-count"),
                        longNumber("requests.object-warn-bytes"),
                        longNumber("requests.object-max-bytes"),
                        number("requests.max-in-flight-per-connection")),
                new NodeConfig.GossipSettings(
                        number("gossip.interval-millis"),
                        number("gossip.fanout"),
                        number("gossip.monitors"),
                        decimal("gossip.phi-threshold")),
                new NodeConfig.HintSettings(
                        longNumber("hints.max-age-millis"),
                        longNumber("hints.max-total-bytes"),
                        number("hints.replay-interval-millis"),
                        bool("hints.enabled")),
                number("io-threads"),
                number("storage-threads"),
                text("telemetry.exporter"),
                new NodeConfig.StreamingSettings(
                        longNumber("streaming.budget-bytes-per-second"),
                        number("streaming.chunk-bytes"),
                        number("streaming.settle-rounds")),
                new NodeConfig.AntiEntropySettings(
                        longNumber("anti-entropy.interval-millis"),
                        number("anti-entropy.leaves-per-partition"),
                        longNumber("anti-entropy.budget-bytes-per-second"),
                        longNumber("tombstones.grace-millis")));
    }

    private void flatten(String prefix, JsonNode node, Path file) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, file);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                with(key, String.join(",", items));
            } else {
                with(key, value.isNull() ? "" : value.asText());
            }
        }
    }

    private String text(String key) {
        return values.get(key).trim();
    }

    private List<String> list(String key) {
        String text = text(key);
        return text.isEmpty()
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .toList();
    }

    private int number(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException notANumber) {
            throw new InvalidConfigException(List.of(key + " must be an integer, was '" + text(key) + "'"));
        }
    }

    private long longNumber(String key) {
        try {
            return Long.parseLong(text(key));
        } catch (NumberFormatException notANumber) {
            throw new InvalidConfigException(List.of(key + " must be an integer, was '" + text(key) + "'"));
        }
    }

    private boolean bool(String key) {
        String text = text(key);
        if (!text.equals("true") && !text.equals("false")) {
            throw new InvalidConfigException(List.of(key + " must be true or false, was '" + text + "'"));
        }
        return Boolean.parseBoolean(text);
    }

    private double decimal(String key) {
        try {
            return Double.parseDouble(text(key));
        } catch (NumberFormatException notANumber) {
            throw new InvalidConfigException(List.of(key + " must be a number, was '" + text(key) + "'"));
        }
    }

    private static Map<String, String> orderedDefaults() {
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        defaults.put("node-id", "");
        defaults.put("cluster-name", "ringkv");
        defaults.put("host", "127.0.0.1");
        defaults.put("port", "7101");
        defaults.put("http-port", "8101");
        defaults.put("data-dir", "");
        defaults.put("seeds", "");
        defaults.put("rack", "");
        defaults.put("partition-count", "4096");
        defaults.put("replication-factor", "3");
        defaults.put("storage.engine", "mapdb");
        defaults.put("storage.sync-policy", "group-commit");
        defaults.put("storage.group-commit-interval-millis", "2");
        defaults.put("requests.default-r", "2");
        defaults.put("requests.default-w", "2");
        defaults.put("requests.timeout-millis", "2000");
        defaults.put("requests.handoff-after-millis", "500");
        defaults.put("requests.max-key-bytes", "8192");
        defaults.put("requests.sibling-warn-count", "25");
        defaults.put("requests.sibling-max-count", "100");
        defaults.put("requests.object-warn-bytes", "1048576");
        defaults.put("requests.object-max-bytes", "4194304");
        defaults.put("requests.max-in-flight-per-connection", "1024");
        defaults.put("gossip.interval-millis", "200");
        defaults.put("gossip.fanout", "2");
        defaults.put("gossip.monitors", "3");
        defaults.put("gossip.phi-threshold", "8");
        defaults.put("hints.max-age-millis", "10800000");
        defaults.put("hints.max-total-bytes", "1073741824");
        defaults.put("hints.replay-interval-millis", "1000");
        defaults.put("hints.enabled", "true");
        defaults.put("io-threads", "0");
        defaults.put("storage-threads", "16");
        defaults.put("telemetry.exporter", "none");
        defaults.put("streaming.budget-bytes-per-second", "20971520");
        defaults.put("streaming.chunk-bytes", "1048576");
        defaults.put("streaming.settle-rounds", "10");
        defaults.put("anti-entropy.interval-millis", "60000");
        defaults.put("anti-entropy.leaves-per-partition", "64");
        defaults.put("anti-entropy.budget-bytes-per-second", "10485760");
        defaults.put("tombstones.grace-millis", "864000000");
        return java.util.Collections.unmodifiableMap(defaults);
    }
}
