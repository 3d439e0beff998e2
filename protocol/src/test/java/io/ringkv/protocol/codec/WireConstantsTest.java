package io.ringkv.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkv.protocol.AdminCommand;
import io.ringkv.protocol.Consistency;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.protocol.NodeStatus;
import io.ringkv.protocol.message.MessageKind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** The Java enums and the generated FlatBuffers constants must agree name for name, value for value. */
class WireConstantsTest {

    @Test
    void should_give_every_message_kind_the_union_type_of_the_table_with_the_same_name() {
        Map<String, Integer> expected = constants(io.ringkv.protocol.fbs.Message.class);
        expected.remove("NONE");

        Map<String, Integer> actual = new LinkedHashMap<>();
        for (MessageKind kind : MessageKind.values()) {
            actual.put(kind.recordType().getSimpleName(), (int) kind.unionType());
            assertThat(MessageKind.fromUnionType(kind.unionType())).isSameAs(kind);
        }

        assertThat(actual).isEqualTo(expected);
        assertThat(MessageKind.fromUnionType(0)).isNull();
        assertThat(MessageKind.fromUnionType(MessageKind.values().length + 1)).isNull();
    }

    @Test
    void should_give_every_enum_constant_the_wire_value_of_the_schema() {
        assertSameConstants(ErrorCode.class, io.ringkv.protocol.fbs.ErrorCode.class, ErrorCode::wireValue);
        assertSameConstants(Consistency.class, io.ringkv.protocol.fbs.Consistency.class, Consistency::wireValue);
        assertSameConstants(NodeStatus.class, io.ringkv.protocol.fbs.NodeStatus.class, NodeStatus::wireValue);
        assertSameConstants(AdminCommand.class, io.ringkv.protocol.fbs.AdminCommand.class, AdminCommand::wireValue);
    }

    @Test
    void should_map_wire_values_back_to_constants_and_unknown_values_to_null() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ErrorCode.fromWireValue(code.wireValue())).isSameAs(code);
        }
        for (Consistency consistency : Consistency.values()) {
            assertThat(Consistency.fromWireValue(consistency.wireValue())).isSameAs(consistency);
        }
        assertThat(ErrorCode.fromWireValue(-1)).isNull();
        assertThat(ErrorCode.fromWireValue(ErrorCode.values().length)).isNull();
        assertThat(Consistency.fromWireValue(200)).isNull();
        assertThat(NodeStatus.fromWireValue(4)).isNull();
        assertThat(AdminCommand.fromWireValue(255)).isNull();
    }

    private static <E extends Enum<E>> void assertSameConstants(
            Class<E> javaEnum, Class<?> generated, ToIntFunction<E> wireValue) {
        Map<String, Integer> actual = new LinkedHashMap<>();
        Arrays.stream(javaEnum.getEnumConstants())
                .forEach(constant -> actual.put(constant.name(), wireValue.applyAsInt(constant)));
        assertThat(actual).as(javaEnum.getSimpleName()).isEqualTo(constants(generated));
    }

    private static Map<String, Integer> constants(Class<?> generated) {
        Map<String, Integer> constants = new LinkedHashMap<>();
        for (Field field : generated.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && (field.getType() == int.class || field.getType() == byte.class)) {
                try {
                    constants.put(field.getName(), ((Number) field.get(null)).intValue());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }
}
