package io.ringkv.consistency.history;

import java.util.Objects;

/**
 * An EDN tagged literal that has no reader of its own here, such as {@code #error {...}} in an
 * operation's error. Jepsen also prints whole operations as {@code #jepsen.history.Op{...}}; the reader
 * unwraps those into plain operations, so this type only appears inside values.
 *
 * @param tag the tag symbol without the {@code #}
 * @param value the tagged form, already converted to this package's value model
 */
public record TaggedValue(String tag, Object value) {

    public TaggedValue {
        Objects.requireNonNull(tag, "tag");
    }

    @Override
    public String toString() {
        return "#" + tag + " " + EdnPrinter.print(value);
    }
}
