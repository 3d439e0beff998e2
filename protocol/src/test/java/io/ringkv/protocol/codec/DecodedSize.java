package io.ringkv.protocol.codec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Measures how much a decoded record holds: the total length of its byte arrays, int arrays, strings
 * and lists, recursively. The fuzz tests assert it never exceeds the size of the input frame, which
 * bounds the memory a frame can make the decoder allocate.
 */
final class DecodedSize {

    private DecodedSize() {}

    static long of(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof int[] ints) {
            return ints.length;
        }
        if (value instanceof String text) {
            return text.length();
        }
        if (value instanceof List<?> list) {
            long total = list.size();
            for (Object element : list) {
                total += of(element);
            }
            return total;
        }
        if (value instanceof Record record) {
            long total = 0;
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                total += of(read(component, record));
            }
            return total;
        }
        return 0;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
