package io.ringkv.consistency.checker;

import io.ringkv.consistency.history.EdnHistoryReader;
import io.ringkv.consistency.history.EdnValues;
import io.ringkv.consistency.history.History;
import io.ringkv.consistency.history.HistoryFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line checker, {@code java -jar ringkv-check.jar [options] FILE.edn}: reads a history as
 * Jepsen writes it and prints a verdict. Exit codes: {@value #VALID} linearizable (or set valid),
 * {@value #INVALID} not, {@value #UNREADABLE} unreadable input or bad usage, {@value #UNKNOWN} no
 * verdict (search budget exhausted, set never read), {@value #INTERNAL_ERROR} a bug in the checker.
 */
@Command(
        name = "ringkv-check",
        mixinStandardHelpOptions = true,
        version = "ringkv-check 0.1",
        description = "Checks a Jepsen-style EDN history: linearizability of a register (per key for "
                + "[key value] histories) or the set-add workload.")
public final class CheckMain implements Callable<Integer> {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNREADABLE = 2;
    public static final int UNKNOWN = 3;
    public static final int INTERNAL_ERROR = 4;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.edn", description = "the history (history.edn)")
    private Path file;

    @Option(
            names = "--model",
            defaultValue = "register",
            paramLabel = "MODEL",
            description = "register or cas-register (default: ${DEFAULT-VALUE})")
    private String modelName;

    @Option(
            names = "--initial",
            paramLabel = "VALUE",
            description = "the register's initial value as EDN, e.g. 0 or nil (default: nil)")
    private String initialValue;

    @Option(
            names = "--keys",
            defaultValue = "auto",
            paramLabel = "MODE",
            description = "auto, single or per-key: whether [key value] tuples are checked key by key "
                    + "(default: ${DEFAULT-VALUE})")
    private String keys;

    @Option(
            names = "--max-states",
            paramLabel = "N",
            description = "search budget per key; past it the verdict is unknown (default: ${DEFAULT-VALUE})")
    private long maxStates = LinearizabilityChecker.DEFAULT_MAX_STATES_PER_KEY;

    @Option(
            names = "--nil-reads-unconstrained",
            description = "treat :ok reads of nil as unknown reads, as Knossos' register models do "
                    + "(default: such a read saw an empty register)")
    private boolean nilReadsUnconstrained;

    @Option(
            names = "--checker",
            defaultValue = "linearizable",
            paramLabel = "CHECKER",
            description = "linearizable or set (default: ${DEFAULT-VALUE})")
    private String checker;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command and returns its exit code, without exiting; used by {@link #main} and tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new CheckMain()).setOut(out).setErr(err);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(UNREADABLE);
        commandLine.getCommandSpec().exitCodeOnExecutionException(INTERNAL_ERROR);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean setChecker;
        Model model;
        LinearizabilityChecker linearizability;
        try {
            setChecker = setCheckerChosen();
            model = model();
            linearizability = new LinearizabilityChecker(model)
                    .withKeySplitting(keySplitting())
                    .withMaxStatesPerKey(maxStates);
        } catch (IllegalArgumentException | HistoryFormatException e) {
            err.println(e.getMessage());
            return UNREADABLE;
        }
        History history;
        try {
            history = EdnHistoryReader.read(file);
        } catch (HistoryFormatException e) {
            err.println("unreadable history " + file + ": " + e.getMessage());
            return UNREADABLE;
        } catch (UncheckedIOException e) {
            err.println("cannot read " + file + ": " + e.getCause());
            return UNREADABLE;
        }
        try {
            return setChecker ? checkSet(history, out) : checkLinearizable(history, linearizability, model, out);
        } catch (HistoryFormatException e) {
            err.println("cannot check " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
    }

    private static int checkLinearizable(
            History history, LinearizabilityChecker linearizability, Model model, PrintWriter out) {
        CheckResult result = linearizability.check(history);
        out.print(CheckResultFormatter.format(result, model));
        return exitCode(result.valid());
    }

    private static int checkSet(History history, PrintWriter out) {
        SetCheckResult result = new SetChecker().check(history);
        out.print(result.describe());
        return exitCode(result.valid());
    }

    private static int exitCode(Verdict verdict) {
        return switch (verdict) {
            case VALID -> VALID;
            case INVALID -> INVALID;
            case UNKNOWN -> UNKNOWN;
        };
    }

    private boolean setCheckerChosen() {
        return switch (checker.toLowerCase(Locale.ROOT)) {
            case "linearizable" -> false;
            case "set" -> true;
            default ->
                throw new IllegalArgumentException("unknown --checker " + checker + " (expected linearizable or set)");
        };
    }

    private Model model() {
        Object initial = initialValue == null ? null : EdnValues.parse(initialValue);
        return switch (modelName.toLowerCase(Locale.ROOT)) {
            case "register" -> {
                RegisterModel register = RegisterModel.withInitialValue(initial);
                yield nilReadsUnconstrained ? register.withNilReadsUnconstrained() : register;
            }
            case "cas-register" -> {
                CasRegisterModel register = CasRegisterModel.withInitialValue(initial);
                yield nilReadsUnconstrained ? register.withNilReadsUnconstrained() : register;
            }
            default ->
                throw new IllegalArgumentException(
                        "unknown --model " + modelName + " (expected register or cas-register)");
        };
    }

    private KeySplitting keySplitting() {
        return switch (keys.toLowerCase(Locale.ROOT)) {
            case "auto" -> KeySplitting.AUTO;
            case "single" -> KeySplitting.SINGLE;
            case "per-key" -> KeySplitting.PER_KEY;
            default ->
                throw new IllegalArgumentException("unknown --keys " + keys + " (expected auto, single or per-key)");
        };
    }
}
