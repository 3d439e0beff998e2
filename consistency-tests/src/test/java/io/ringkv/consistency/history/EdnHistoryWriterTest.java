package io.ringkv.consistency.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdnHistoryWriterTest {

    @Test
    void should_write_one_map_per_line_in_jepsen_key_order() {
        Op op = new Op(
                5,
                ProcessId.of(2),
                OpType.FAIL,
                "cas",
                List.of(1L, 2L),
                OptionalLong.of(1234),
                Keyword.of("precondition-failed"),
                Map.of(Keyword.of("node"), "n1"));

        assertThat(EdnHistoryWriter.format(op))
                .isEqualTo("{:process 2, :type :fail, :f :cas, :value [1 2], :time 1234, :index 5,"
                        + " :error :precondition-failed, :node \"n1\"}");
    }

    @Test
    void should_write_nemesis_processes_as_keywords_and_omit_missing_time() {
        Op op = Op.of(0, ProcessId.NEMESIS, OpType.INFO, "start", null);

        assertThat(EdnHistoryWriter.format(op))
                .isEqualTo("{:process :nemesis, :type :info, :f :start, :value nil, :index 0}");
    }

    @Test
    void should_round_trip_a_jepsen_history() {
        String edn = """
                {:type :invoke, :f :write, :value 3, :process 0, :time 8523000, :index 0}
                {:type :info, :f :start, :value [:isolated {"n1" #{"n2"}}], :process :nemesis, :time 9000000, :index 1}
                {:type :info, :f :write, :value 3, :process 0, :time 9412000, :index 2, :error [:timeout "5 s"]}
                """;
        History history = EdnHistoryReader.parse(edn);

        History again = EdnHistoryReader.parse(EdnHistoryWriter.toEdn(history));

        assertThat(again).isEqualTo(history);
    }

    @Test
    void should_round_trip_every_kind_of_value() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(Keyword.of("a"), null);
        map.put("quoted \"text\"\n\ttab \\ slash", 1.5d);
        map.put(7L, new LinkedHashSet<>(List.of(Keyword.of("x"), "y")));
        Object value = Arrays.asList(
                null,
                true,
                -12L,
                new BigInteger("123456789012345678901234567890"),
                Keyword.of("ns/name"),
                new Symbol("some-symbol"),
                'c',
                map,
                new TaggedValue("inst", "2024-01-01T00:00:00Z"),
                Double.POSITIVE_INFINITY,
                "\u0001control");
        History history = new HistoryBuilder().invoke(0, "write", value).build();

        History again = EdnHistoryReader.parse(EdnHistoryWriter.toEdn(history));

        assertThat(again.get(0).value()).isEqualTo(value);
    }

    @Test
    void should_round_trip_random_histories_through_a_file(@TempDir Path directory) throws IOException {
        for (long seed = 0; seed < 20; seed++) {
            History history = randomHistory(new SplittableRandom(seed));
            Path file = directory.resolve("history-" + seed + ".edn");

            EdnHistoryWriter.write(history, file);

            assertThat(EdnHistoryReader.read(file)).as("seed %d", seed).isEqualTo(history);
        }
    }

    private static History randomHistory(SplittableRandom random) {
        HistoryBuilder builder = new HistoryBuilder();
        for (int i = 0; i < 50; i++) {
            long process = random.nextInt(4);
            Object value = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> random.nextLong();
                case 2 -> List.of((long) random.nextInt(5), (long) random.nextInt(100));
                default -> "v" + random.nextInt(1000);
            };
            OpType type = OpType.values()[random.nextInt(4)];
            Op op = new Op(
                    0,
                    random.nextInt(10) == 0 ? ProcessId.NEMESIS : ProcessId.of(process),
                    type,
                    random.nextBoolean() ? "read" : "write",
                    value,
                    random.nextBoolean() ? OptionalLong.of(random.nextLong(1_000_000_000L)) : OptionalLong.empty(),
                    random.nextInt(5) == 0 ? Keyword.of("timeout") : null,
                    random.nextInt(5) == 0 ? Map.of(Keyword.of("node"), "n" + random.nextInt(5)) : Map.of());
            builder.add(op);
        }
        return builder.build();
    }
}
