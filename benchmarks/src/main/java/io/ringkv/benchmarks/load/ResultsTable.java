package io.ringkv.benchmarks.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the markdown table of several runs' JSON summaries (the files {@code --json} wrote), in the
 * order given: {@code java -cp benchmarks.jar io.ringkv.benchmarks.load.ResultsTable a.json b.json}.
 */
public final class ResultsTable {

    private ResultsTable() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ResultsTable SUMMARY.json...");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<LoadSummary> summaries = new ArrayList<>();
        for (String file : args) {
            summaries.add(json.readValue(Path.of(file).toFile(), LoadSummary.class));
        }
        System.out.print(SummaryFormatter.markdown(summaries));
    }
}
