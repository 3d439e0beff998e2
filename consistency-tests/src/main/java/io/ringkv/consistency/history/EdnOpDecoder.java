package io.ringkv.consistency.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Turns one operation map (already in the value model) into an {@link Op}, validating its keys. */
final class EdnOpDecoder {

    static final Keyword PROCESS = Keyword.of("process");
    static final Keyword TYPE = Keyword.of("type");
    static final Keyword F = Keyword.of("f");
    static final Keyword VALUE = Keyword.of("value");
    static final Keyword TIME = Keyword.of("time");
    static final Keyword INDEX = Keyword.of("index");
    static final Keyword ERROR = Keyword.of("error");
    static final Set<Keyword> STANDARD_KEYS = Set.of(PROCESS, TYPE, F, VALUE, TIME, INDEX, ERROR);

    private EdnOpDecoder() {}

    static Op decode(Object form, long line, int operationNumber) {
        Object unwrapped = form instanceof TaggedValue tagged ? tagged.value() : form;
        if (!(unwrapped instanceof Map<?, ?> map)) {
            throw new HistoryFormatException(
                    "expected an operation map but found " + EdnPrinter.print(form), line, operationNumber);
        }
        Map<Keyword, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof Keyword key)) {
                throw new HistoryFormatException(
                        "operation keys must be keywords, found " + EdnPrinter.print(entry.getKey()),
                        line,
                        operationNumber);
            }
            if (!STANDARD_KEYS.contains(key)) {
                extra.put(key, entry.getValue());
            }
        }
        OpType type = decodeType(map.get(TYPE), line, operationNumber);
        ProcessId process = decodeProcess(map.get(PROCESS), line, operationNumber);
        String f = decodeF(map.get(F), line, operationNumber);
        OptionalLong time = decodeOptionalLong(map.get(TIME), "time", line, operationNumber);
        OptionalLong index = decodeOptionalLong(map.get(INDEX), "index", line, operationNumber);
        return new Op(index.orElse(operationNumber), process, type, f, map.get(VALUE), time, map.get(ERROR), extra);
    }

    private static OpType decodeType(Object type, long line, int operationNumber) {
        if (!(type instanceof Keyword keyword)) {
            throw new HistoryFormatException(
                    "missing or non-keyword :type (expected :invoke, :ok, :fail or :info), found "
                            + EdnPrinter.print(type),
                    line,
                    operationNumber);
        }
        try {
            return OpType.fromKeywordName(keyword.name());
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(e.getMessage(), line, operationNumber, e);
        }
    }

    private static ProcessId decodeProcess(Object process, long line, int operationNumber) {
        if (process instanceof Long number) {
            return ProcessId.of(number);
        }
        if (process instanceof Keyword keyword) {
            return ProcessId.named(keyword.name());
        }
        throw new HistoryFormatException(
                "missing :process or not a number or keyword: " + EdnPrinter.print(process), line, operationNumber);
    }

    private static String decodeF(Object f, long line, int operationNumber) {
        if (f instanceof Keyword keyword) {
            return keyword.name();
        }
        if (f instanceof String string && !string.isEmpty()) {
            return string;
        }
        throw new HistoryFormatException("missing :f or not a keyword: " + EdnPrinter.print(f), line, operationNumber);
    }

    private static OptionalLong decodeOptionalLong(Object value, String key, long line, int operationNumber) {
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value instanceof Long number) {
            return OptionalLong.of(number);
        }
        throw new HistoryFormatException(
                ":" + key + " must be an integer, found " + EdnPrinter.print(value), line, operationNumber);
    }
}
