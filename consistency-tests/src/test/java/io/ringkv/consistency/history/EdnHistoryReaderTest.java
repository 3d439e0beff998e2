package io.ringkv.consistency.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdnHistoryReaderTest {

    private static final String JEPSEN_LINES = """
            {:type :invoke, :f :write, :value 3, :process 0, :time 8523000, :index 0}
            {:type :invoke, :f :read, :value nil, :process 1, :time 8601000, :index 1}
            {:type :info, :f :start, :value nil, :process :nemesis, :time 9000000, :index 2}
            {:type :ok, :f :write, :value 3, :process 0, :time 9412000, :index 3}
            {:type :fail, :f :read, :value nil, :process 1, :time 9500000, :index 4, :error :timeout}
            {:type :info, :f :start, :value [:isolated {"n1" #{"n2" "n3"}}], :process :nemesis, :time 9600000, :index 5}
            """;

    @Test
    void should_read_jepsen_lines_with_time_index_and_error_keys() {
        History history = EdnHistoryReader.parse(JEPSEN_LINES);

        assertThat(history.size()).isEqualTo(6);
        Op first = history.get(0);
        assertThat(first.type()).isEqualTo(OpType.INVOKE);
        assertThat(first.f()).isEqualTo("write");
        assertThat(first.value()).isEqualTo(3L);
        assertThat(first.process()).isEqualTo(ProcessId.of(0));
        assertThat(first.timeNanos()).hasValue(8523000L);
        assertThat(first.index()).isZero();
        Op failed = history.get(4);
        assertThat(failed.type()).isEqualTo(OpType.FAIL);
        assertThat(failed.error()).isEqualTo(Keyword.of("timeout"));
        assertThat(failed.value()).isNull();
    }

    @Test
    void should_read_nemesis_operations_as_named_processes_with_nested_values() {
        History history = EdnHistoryReader.parse(JEPSEN_LINES);

        Op nemesis = history.get(5);
        assertThat(nemesis.process()).isEqualTo(ProcessId.NEMESIS);
        assertThat(nemesis.isClientOperation()).isFalse();
        assertThat(nemesis.value()).isEqualTo(List.of(Keyword.of("isolated"), Map.of("n1", Set.of("n2", "n3"))));
        assertThat(history.clientOperations().size()).isEqualTo(4);
    }

    @Test
    void should_read_a_single_vector_of_operation_maps() {
        History history = EdnHistoryReader.parse("""
                [{:process 0, :type :invoke, :f :read, :value nil}
                 {:process 0, :type :ok, :f :read, :value 1}]
                """);

        assertThat(history.ops()).extracting(Op::type).containsExactly(OpType.INVOKE, OpType.OK);
        assertThat(history.get(1).value()).isEqualTo(1L);
    }

    @Test
    void should_number_operations_by_position_when_the_file_has_no_index() {
        History history = EdnHistoryReader.parse("""
                {:process 0, :type :invoke, :f :read, :value nil}
                {:process 0, :type :ok, :f :read, :value 1}
                """);

        assertThat(history.ops()).extracting(Op::index).containsExactly(0L, 1L);
        assertThat(history.get(0).timeNanos()).isEmpty();
    }

    @Test
    void should_keep_unknown_keys_in_extra() {
        History history = EdnHistoryReader.parse(
                "{:process 2, :type :ok, :f :write, :value 1, :node \"n3\", :latency-ms 12, :debug {:retries 1}}");

        assertThat(history.get(0).extra())
                .containsEntry(Keyword.of("node"), "n3")
                .containsEntry(Keyword.of("latency-ms"), 12L)
                .containsEntry(Keyword.of("debug"), Map.of(Keyword.of("retries"), 1L));
    }

    @Test
    void should_read_operations_printed_as_jepsen_records() {
        History history = EdnHistoryReader.parse(
                "#jepsen.history.Op{:index 7, :time 12, :type :invoke, :process 3, :f :cas, :value [1 2]}");

        Op op = history.get(0);
        assertThat(op.index()).isEqualTo(7L);
        assertThat(op.f()).isEqualTo("cas");
        assertThat(op.value()).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void should_keep_unknown_tagged_literals_inside_values() {
        History history = EdnHistoryReader.parse(
                "{:process 1, :type :info, :f :write, :value 2, :error #error {:cause \"timed out\"}}");

        assertThat(history.get(0).error())
                .isEqualTo(new TaggedValue("error", Map.of(Keyword.of("cause"), "timed out")));
    }

    @Test
    void should_skip_comments_commas_and_blank_lines() {
        History history = EdnHistoryReader.parse("""
                ; a history written by hand

                {:process 0, :type :invoke, :f :write, :value "a\\"b"},
                ,, {:process 0, :type :ok, :f :write, :value "a\\"b"} ; done
                """);

        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).value()).isEqualTo("a\"b");
    }

    @Test
    void should_read_an_empty_file_as_an_empty_history() {
        assertThat(EdnHistoryReader.parse("  \n ; nothing\n").isEmpty()).isTrue();
        assertThat(EdnHistoryReader.parse("[]").isEmpty()).isTrue();
    }

    @Test
    void should_read_a_file_from_disk(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("history.edn");
        Files.writeString(file, JEPSEN_LINES, StandardCharsets.UTF_8);

        assertThat(EdnHistoryReader.read(file)).isEqualTo(EdnHistoryReader.parse(JEPSEN_LINES));
    }

    @Test
    void should_read_the_bundled_jepsen_style_file() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("jepsen-style-history.edn")) {
            assertThat(in).isNotNull();
            History history = EdnHistoryReader.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(history.size()).isEqualTo(12);
            assertThat(history.pairs()).hasSize(4);
        }
    }

    @Test
    void should_report_the_line_of_an_unbalanced_map() {
        assertThatThrownBy(() -> EdnHistoryReader.parse("""
                        {:process 0, :type :invoke, :f :read, :value nil}
                        {:process 0, :type :ok, :f :read, :value 1
                        """))
                .isInstanceOfSatisfying(HistoryFormatException.class, error -> {
                    assertThat(error.operationNumber()).isEqualTo(1);
                    assertThat(error.line()).isGreaterThanOrEqualTo(2);
                })
                .hasMessageContaining("malformed EDN")
                .hasMessageContaining("line 2");
    }

    @Test
    void should_reject_an_operation_without_a_type() {
        assertThatThrownBy(() -> EdnHistoryReader.parse("""
                        {:process 0, :type :invoke, :f :read, :value nil}

                        {:process 0, :f :read, :value 1}
                        """))
                .isInstanceOfSatisfying(HistoryFormatException.class, error -> {
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.operationNumber()).isEqualTo(1);
                })
                .hasMessageContaining(":type");
    }

    @Test
    void should_reject_an_unknown_type() {
        assertThatThrownBy(() -> EdnHistoryReader.parse("{:process 0, :type :done, :f :read, :value nil}"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("unknown operation type :done");
    }

    @Test
    void should_reject_a_form_that_is_not_an_operation_map() {
        assertThatThrownBy(() -> EdnHistoryReader.parse("{:process 0, :type :invoke, :f :read}\n42\n"))
                .isInstanceOfSatisfying(
                        HistoryFormatException.class,
                        error -> assertThat(error.line()).isEqualTo(2))
                .hasMessageContaining("expected an operation map but found 42");
    }

    @Test
    void should_reject_a_process_that_is_neither_number_nor_keyword() {
        assertThatThrownBy(() -> EdnHistoryReader.parse("{:process \"p1\", :type :invoke, :f :read}"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining(":process");
    }

    @Test
    void should_reject_non_keyword_keys_and_non_integer_times() {
        assertThatThrownBy(() -> EdnHistoryReader.parse("{:process 0, :type :invoke, :f :read, \"x\" 1}"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("keys must be keywords");
        assertThatThrownBy(() -> EdnHistoryReader.parse("{:process 0, :type :invoke, :f :read, :time \"now\"}"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining(":time must be an integer");
    }

    @Test
    void should_reject_forms_after_a_vector_history() {
        assertThatThrownBy(() -> EdnHistoryReader.parse("[{:process 0, :type :invoke, :f :read}]\n[]"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("after the vector");
    }

    @Test
    void should_reject_text_that_is_not_edn() {
        assertThatThrownBy(() -> EdnHistoryReader.parse("{:process 0, :type :invoke, :f :read} }"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("malformed EDN");
    }
}
