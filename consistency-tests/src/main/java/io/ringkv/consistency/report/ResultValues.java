package io.ringkv.consistency.report;

import io.ringkv.consistency.checker.CheckResult;
import io.ringkv.consistency.checker.CheckResultFormatter;
import io.ringkv.consistency.checker.KeyResult;
import io.ringkv.consistency.checker.RegisterModel;
import io.ringkv.consistency.checker.SetCheckResult;
import io.ringkv.consistency.checker.Verdict;
import io.ringkv.consistency.history.EdnPrinter;
import io.ringkv.consistency.history.Keyword;
import io.ringkv.consistency.history.TaggedValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns run results into plain data that both {@code results.edn} and {@code results.json} can hold,
 * and finds the verdicts among them.
 *
 * <p>Plain data is {@code null}, {@link String}, {@link Boolean}, {@link Long}, {@link Double} (never
 * NaN or infinite), {@link BigInteger}, {@link BigDecimal}, {@link Keyword}, {@link TaggedValue}, {@link
 * List}, {@link Set} and {@link Map}s whose keys are {@link Keyword}s (field names) or {@link String}s
 * (data). Conversions:
 *
 * <ul>
 *   <li>a {@link Verdict} becomes Jepsen's {@code :valid?} value: {@code true}, {@code false} or
 *       {@code :unknown}; other enums become keywords;
 *   <li>a {@link CheckResult} becomes its counts, the failing and unknown keys, and the text report of
 *       {@link CheckResultFormatter};
 *   <li>a {@link SetCheckResult} becomes Jepsen's set-checker fields with their counts;
 *   <li>any other record becomes a map of its components (kebab-case keywords; a {@code valid}
 *       component is written {@code :valid?}; {@code null} components are left out);
 *   <li>map keys that are not strings or keywords become their EDN text; anything else its {@code
 *       toString()}.
 * </ul>
 */
public final class ResultValues {

    /** Jepsen's name for a verdict field. */
    public static final Keyword VALID = Keyword.of("valid?");

    private static final Keyword UNKNOWN = Keyword.of("unknown");
    private static final Pattern KEYWORD_NAME = Pattern.compile("[A-Za-z*+!_?<>=-][A-Za-z0-9*+!_?<>=./-]*");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private ResultValues() {}

    /** {@code value} as plain data (see the class comment). */
    public static Object toPlain(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Keyword
                || value instanceof TaggedValue
                || value instanceof Long
                || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // NaN (e.g. a fraction of nothing) has no JSON form; null says "no value" in both formats.
            return Double.isFinite(number) ? number : null;
        }
        if (value instanceof Verdict verdict) {
            return verdictValue(verdict);
        }
        if (value instanceof Enum<?> constant) {
            return Keyword.of(kebabCase(constant.name().toLowerCase(Locale.ROOT)));
        }
        if (value instanceof Optional<?> optional) {
            return toPlain(optional.orElse(null));
        }
        if (value instanceof OptionalLong optional) {
            return optional.isPresent() ? optional.getAsLong() : null;
        }
        if (value instanceof OptionalDouble optional) {
            return optional.isPresent() ? toPlain(optional.getAsDouble()) : null;
        }
        if (value instanceof CheckResult result) {
            return checkResult(result);
        }
        if (value instanceof SetCheckResult result) {
            return setCheckResult(result);
        }
        if (value instanceof Record record) {
            return recordValue(record);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> plain = new LinkedHashMap<>();
            map.forEach((key, entry) -> plain.put(plainKey(key), toPlain(entry)));
            return plain;
        }
        if (value instanceof Set<?> set) {
            Set<Object> plain = new LinkedHashSet<>();
            set.forEach(element -> plain.add(toPlain(element)));
            return plain;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> plain = new ArrayList<>();
            collection.forEach(element -> plain.add(toPlain(element)));
            return plain;
        }
        return value.toString();
    }

    /**
     * The key under which a result named {@code name} is written: a keyword when the name is a valid
     * keyword name ({@code linearizable}, {@code set-checker}), otherwise the string.
     */
    public static Object resultKey(String name) {
        return KEYWORD_NAME.matcher(name).matches() ? Keyword.of(name) : name;
    }

    /**
     * The verdict that {@code value} carries, or {@code null} when it carries none: a {@link Verdict}
     * itself, a record with a {@code valid} component of type {@link Verdict} (every checker result),
     * or a map with a {@code valid?} entry.
     */
    public static Verdict verdictOf(Object value) {
        if (value instanceof Verdict verdict) {
            return verdict;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals("valid") && component.getType() == Verdict.class) {
                    return (Verdict) read(record, component);
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (VALID.equals(entry.getKey()) || "valid?".equals(entry.getKey())) {
                    return verdictOfValidValue(entry.getValue());
                }
            }
        }
        return null;
    }

    /**
     * The run's verdict: the explicit {@code "valid?"} entry when there is one, otherwise every verdict
     * found among the values combined with {@link Verdict#and}; {@link Verdict#UNKNOWN} when no value
     * carries a verdict.
     */
    public static Verdict overallVerdict(Map<String, Object> results) {
        if (results.containsKey("valid?")) {
            Verdict explicit = verdictOfValidValue(results.get("valid?"));
            return explicit == null ? Verdict.UNKNOWN : explicit;
        }
        Verdict overall = null;
        for (Object value : results.values()) {
            Verdict verdict = verdictOf(value);
            if (verdict != null) {
                overall = overall == null ? verdict : overall.and(verdict);
            }
        }
        return overall == null ? Verdict.UNKNOWN : overall;
    }

    /** Jepsen's form of a verdict: {@code true}, {@code false} or {@code :unknown}. */
    public static Object verdictValue(Verdict verdict) {
        return switch (verdict) {
            case VALID -> Boolean.TRUE;
            case INVALID -> Boolean.FALSE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** A verdict given as a {@link Verdict}, a boolean, or the keyword {@code :unknown}. */
    private static Verdict verdictOfValidValue(Object value) {
        if (value instanceof Verdict verdict) {
            return verdict;
        }
        if (value instanceof Boolean valid) {
            return valid ? Verdict.VALID : Verdict.INVALID;
        }
        if (UNKNOWN.equals(value) || "unknown".equals(value)) {
            return Verdict.UNKNOWN;
        }
        return null;
    }

    private static Map<Object, Object> checkResult(CheckResult result) {
        Map<Object, Object> plain = new LinkedHashMap<>();
        plain.put(VALID, verdictValue(result.valid()));
        plain.put(Keyword.of("model"), result.model());
        plain.put(Keyword.of("key-count"), (long) result.perKey().size());
        plain.put(Keyword.of("operation-count"), result.operationCount());
        plain.put(Keyword.of("states-explored"), result.statesExplored());
        plain.put(Keyword.of("invalid-keys"), keys(result.invalidKeys()));
        List<Object> unknown = new ArrayList<>();
        for (KeyResult keyResult : result.unknownKeys()) {
            Map<Object, Object> entry = new LinkedHashMap<>();
            entry.put(Keyword.of("key"), toPlain(keyResult.key()));
            entry.put(Keyword.of("reason"), keyResult.unknownReason());
            unknown.add(entry);
        }
        plain.put(Keyword.of("unknown-keys"), unknown);
        // The formatter needs a model only to print states, which every model of the checker package
        // prints as EDN; the result records just the model's name, so any register model will do.
        plain.put(Keyword.of("report"), CheckResultFormatter.format(result, RegisterModel.create()));
        return plain;
    }

    private static List<Object> keys(List<KeyResult> results) {
        return results.stream().map(keyResult -> toPlain(keyResult.key())).toList();
    }

    private static Map<Object, Object> setCheckResult(SetCheckResult result) {
        Map<Object, Object> plain = new LinkedHashMap<>();
        plain.put(VALID, verdictValue(result.valid()));
        plain.put(Keyword.of("attempt-count"), (long) result.attemptCount());
        plain.put(Keyword.of("acknowledged-count"), (long) result.acknowledgedCount());
        plain.put(Keyword.of("ok-count"), (long) result.okCount());
        plain.put(Keyword.of("lost-count"), (long) result.lostCount());
        plain.put(Keyword.of("lost"), toPlain(result.lost()));
        plain.put(Keyword.of("unexpected-count"), (long) result.unexpectedCount());
        plain.put(Keyword.of("unexpected"), toPlain(result.unexpected()));
        plain.put(Keyword.of("recovered-count"), (long) result.recoveredCount());
        plain.put(Keyword.of("recovered"), toPlain(result.recovered()));
        plain.put(Keyword.of("failed-but-present"), toPlain(result.failedButPresent()));
        if (result.unknownReason() != null) {
            plain.put(Keyword.of("unknown-reason"), result.unknownReason());
        }
        return plain;
    }

    private static Map<Object, Object> recordValue(Record record) {
        Map<Object, Object> plain = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object componentValue = read(record, component);
            if (componentValue == null) {
                continue;
            }
            String name = component.getName();
            Keyword key =
                    name.equals("valid") && componentValue instanceof Verdict ? VALID : Keyword.of(kebabCase(name));
            plain.put(key, toPlain(componentValue));
        }
        return plain;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            // Records declared package-private (in workloads or tests) are read all the same.
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read component " + component.getName() + " of "
                            + record.getClass().getName(),
                    e);
        }
    }

    private static Object plainKey(Object key) {
        if (key instanceof String || key instanceof Keyword) {
            return key;
        }
        try {
            return EdnPrinter.print(key);
        } catch (IllegalArgumentException notEdn) {
            // Boundary: a key outside the EDN value model (an arbitrary object) is shown by its toString.
            return String.valueOf(key);
        }
    }

    private static String kebabCase(String name) {
        return CAMEL_HUMP
                .matcher(name)
                .replaceAll("$1-$2")
                .toLowerCase(Locale.ROOT)
                .replace('_', '-');
    }
}
