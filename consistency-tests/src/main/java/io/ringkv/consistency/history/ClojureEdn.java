package io.ringkv.consistency.history;

import clojure.java.api.Clojure;
import clojure.lang.AFn;
import clojure.lang.BigInt;
import clojure.lang.IFn;
import clojure.lang.IPersistentMap;
import clojure.lang.IPersistentSet;
import clojure.lang.PersistentArrayMap;
import clojure.lang.Ratio;
import clojure.lang.Sequential;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The bridge to Clojure's own EDN reader ({@code clojure.edn/read}) and the conversion of what it
 * returns into this package's value model. Using Clojure's reader means every file Jepsen writes is
 * read exactly as Jepsen would read it.
 *
 * <p>Thread-safe: {@code clojure.edn/read} keeps no state between calls. Loading the Clojure runtime
 * takes a moment on first use.
 */
final class ClojureEdn {

    /** Returned by {@link #readForm} at end of input. */
    static final Object END_OF_INPUT = new Object();

    private static final IFn EDN_READ;
    private static final Object READ_OPTIONS;

    static {
        IFn require = Clojure.var("clojure.core", "require");
        require.invoke(Clojure.read("clojure.edn"));
        EDN_READ = Clojure.var("clojure.edn", "read");
        READ_OPTIONS = PersistentArrayMap.createAsIfByAssoc(
                new Object[] {Clojure.read(":eof"), END_OF_INPUT, Clojure.read(":default"), new UnknownTagReader()});
    }

    private ClojureEdn() {}

    /**
     * Reads the next form, or {@link #END_OF_INPUT}. Tagged literals without a reader become {@link
     * TaggedValue}s.
     *
     * @throws RuntimeException as thrown by Clojure's reader for malformed input
     */
    static Object readForm(PushbackReader reader) {
        return EDN_READ.invoke(READ_OPTIONS, reader);
    }

    /**
     * Parses one EDN value from text into the value model, e.g. {@code "nil"}, {@code "3"} or {@code
     * "[1 2]"}.
     *
     * @throws HistoryFormatException when the text is not exactly one EDN value
     */
    static Object parseValue(String text) {
        try (PushbackReader reader = new PushbackReader(new StringReader(text))) {
            Object form = readForm(reader);
            if (form == END_OF_INPUT) {
                throw new HistoryFormatException(
                        "no EDN value in \"" + text + "\"",
                        HistoryFormatException.UNKNOWN,
                        HistoryFormatException.UNKNOWN);
            }
            if (readForm(reader) != END_OF_INPUT) {
                throw new HistoryFormatException(
                        "more than one EDN value in \"" + text + "\"",
                        HistoryFormatException.UNKNOWN,
                        HistoryFormatException.UNKNOWN);
            }
            return toValue(form);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        } catch (HistoryFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HistoryFormatException(
                    "not an EDN value: \"" + text + "\": " + e.getMessage(),
                    HistoryFormatException.UNKNOWN,
                    HistoryFormatException.UNKNOWN,
                    e);
        }
    }

    /**
     * Converts a form returned by Clojure's reader into the value model: collections become unmodifiable
     * Java collections (which accept {@code null} elements), keywords become {@link Keyword}s, integers
     * become {@link Long} (or {@link BigInteger} when they do not fit), {@code #inst} and {@code #uuid}
     * become {@link TaggedValue}s holding their text.
     *
     * @throws IllegalArgumentException for a form outside the value model
     */
    static Object toValue(Object form) {
        if (form == null
                || form instanceof String
                || form instanceof Long
                || form instanceof Boolean
                || form instanceof Double
                || form instanceof Character
                || form instanceof BigDecimal
                || form instanceof TaggedValue) {
            return form;
        }
        if (form instanceof clojure.lang.Keyword keyword) {
            return Keyword.of(keyword.toString().substring(1));
        }
        if (form instanceof clojure.lang.Symbol symbol) {
            return new Symbol(symbol.toString());
        }
        if (form instanceof Integer || form instanceof Short || form instanceof Byte) {
            return ((Number) form).longValue();
        }
        if (form instanceof BigInt big) {
            return narrow(big.toBigInteger());
        }
        if (form instanceof BigInteger big) {
            return narrow(big);
        }
        if (form instanceof Date date) {
            // #inst: kept as the tagged text so that it prints back as written.
            return new TaggedValue("inst", date.toInstant().toString());
        }
        if (form instanceof UUID uuid) {
            return new TaggedValue("uuid", uuid.toString());
        }
        if (form instanceof Ratio ratio) {
            return ratio.doubleValue();
        }
        if (form instanceof IPersistentMap map) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            for (Object item : (Iterable<?>) map) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
                converted.put(toValue(entry.getKey()), toValue(entry.getValue()));
            }
            return Collections.unmodifiableMap(converted);
        }
        if (form instanceof IPersistentSet set) {
            Set<Object> converted = new LinkedHashSet<>();
            for (Object element : (Iterable<?>) set) {
                converted.add(toValue(element));
            }
            return Collections.unmodifiableSet(converted);
        }
        if (form instanceof Sequential && form instanceof Iterable<?> sequence) {
            List<Object> converted = new ArrayList<>();
            for (Object element : sequence) {
                converted.add(toValue(element));
            }
            return Collections.unmodifiableList(converted);
        }
        throw new IllegalArgumentException(
                "unsupported EDN form of type " + form.getClass().getName());
    }

    private static Object narrow(BigInteger big) {
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /** Reader for tags with no reader function: keeps tag and (converted) form. */
    private static final class UnknownTagReader extends AFn {
        @Override
        public Object invoke(Object tag, Object form) {
            return new TaggedValue(tag.toString(), toValue(form));
        }
    }
}
