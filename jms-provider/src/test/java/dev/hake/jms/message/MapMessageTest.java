package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.jms.message.ConversionTable.Type;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MapMessageTest {

    static List<Arguments> cells() {
        return ConversionTable.bodyCells();
    }

    @ParameterizedTest(name = "{0} read as {1}")
    @MethodSource("cells")
    void conversionTable(Type row, Type column, Object written, Object expected) throws JMSException {
        HakeMapMessage message = new HakeMapMessage();
        BodyAccess.set(message, "v", row, written);
        check(message, column, expected);

        HakeMapMessage viaObject = new HakeMapMessage();
        viaObject.setObject("v", written);
        check(viaObject, column, expected);
    }

    @ParameterizedTest(name = "{0} read as {1} after a send and receive")
    @MethodSource("cells")
    void conversionTableOnAReceivedMessage(Type row, Type column, Object written, Object expected) throws JMSException {
        HakeMapMessage message = new HakeMapMessage();
        BodyAccess.set(message, "v", row, written);
        check((MapMessage) HakeMessage.fromWire(message.toWireForSend(), TrustedClasses.defaults()), column, expected);
    }

    private static void check(MapMessage message, Type column, Object expected) {
        if (expected == ConversionTable.FAILS) {
            assertThatThrownBy(() -> BodyAccess.get(message, "v", column))
                    .isExactlyInstanceOf(MessageFormatException.class);
        } else {
            assertThat(PropertyConversionTest.rethrowing(() -> BodyAccess.get(message, "v", column))).isEqualTo(expected);
        }
    }

    @Test
    void missingEntryReadsAsValueOfNull() throws JMSException {
        HakeMapMessage message = new HakeMapMessage();
        assertThat(message.getBoolean("none")).isFalse();
        assertThat(message.getString("none")).isNull();
        assertThat(message.getBytes("none")).isNull();
        assertThat(message.getObject("none")).isNull();
        assertThatThrownBy(() -> message.getByte("none")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getShort("none")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getInt("none")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getLong("none")).isExactlyInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> message.getFloat("none")).isExactlyInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.getDouble("none")).isExactlyInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> message.getChar("none")).isExactlyInstanceOf(NullPointerException.class);
    }

    @Test
    void nullValuesAreEntries() throws JMSException {
        HakeMapMessage message = new HakeMapMessage();
        message.setString("s", null);
        message.setBytes("b", null);
        message.setObject("o", null);
        assertThat(message.itemExists("s")).isTrue();
        assertThat(message.itemExists("b")).isTrue();
        assertThat(message.getString("s")).isNull();
        assertThat(message.getBytes("b")).isNull();
        assertThat(message.getObject("o")).isNull();
        assertThat(message.itemExists("x")).isFalse();
    }

    @Test
    void bytesAreCopiedInAndOut() throws JMSException {
        HakeMapMessage message = new HakeMapMessage();
        byte[] value = {1, 2, 3};
        message.setBytes("b", value);
        value[0] = 9;
        message.getBytes("b")[1] = 9;
        ((byte[]) message.getObject("b"))[2] = 9;
        assertThat(message.getBytes("b")).containsExactly(1, 2, 3);

        message.setBytes("part", new byte[] {1, 2, 3, 4, 5}, 1, 3);
        assertThat(message.getBytes("part")).containsExactly(2, 3, 4);
        assertThatThrownBy(() -> message.setBytes("bad", new byte[2], 1, 2))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void namesAndObjects() throws JMSException {
        HakeMapMessage message = new HakeMapMessage();
        message.setInt("one", 1);
        message.setChar("two", '2');
        message.setObject("three", 3L);
        assertThat(Collections.list(message.getMapNames())).containsExactly("one", "two", "three");
        assertThat(message.getObject("one")).isEqualTo(1);
        assertThat(message.getObject("two")).isEqualTo('2');
        assertThat(message.getObject("three")).isEqualTo(3L);
    }

    @Test
    void refusesBadNamesAndTypes() {
        HakeMapMessage message = new HakeMapMessage();
        assertThatThrownBy(() -> message.setInt(null, 1)).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setString("", "x")).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setObject("o", new Object())).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObject("o", List.of(1))).isExactlyInstanceOf(MessageFormatException.class);
    }

    @Test
    void receivedBodyIsReadOnlyUntilCleared() throws JMSException {
        HakeMapMessage sent = new HakeMapMessage();
        sent.setString("k", "v");
        HakeMapMessage received = (HakeMapMessage) HakeMessage.fromWire(sent.toWireForSend(), TrustedClasses.defaults());
        assertThatThrownBy(() -> received.setString("k", "w")).isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> received.setObject("n", 1)).isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> received.setBytes("b", new byte[1])).isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThat(received.getString("k")).isEqualTo("v");

        received.clearBody();
        assertThat(received.getMapNames().hasMoreElements()).isFalse();
        received.setString("k", "w");
        assertThat(received.getString("k")).isEqualTo("w");
    }

    @Test
    @SuppressWarnings("unchecked")
    void getBodyReturnsAnUnmodifiableCopy() throws JMSException {
        HakeMapMessage message = new HakeMapMessage();
        message.setInt("n", 1);
        message.setBytes("b", new byte[] {5});
        Map<String, Object> body = message.getBody(Map.class);
        assertThat(body).containsOnlyKeys("n", "b").containsEntry("n", 1);
        assertThatThrownBy(() -> body.put("x", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThat((Map<String, Object>) message.getBody(Object.class)).containsOnlyKeys("n", "b").containsEntry("n", 1);
        ((byte[]) body.get("b"))[0] = 6;
        assertThat(message.getBytes("b")).containsExactly(5);

        assertThat(message.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(message.isBodyAssignableTo(HashMap.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(String.class)).isExactlyInstanceOf(MessageFormatException.class);
    }

    @Test
    void emptyMapIsNoBody() throws JMSException {
        HakeMapMessage message = new HakeMapMessage();
        assertThat(message.getBody(String.class)).isNull();
        assertThat(message.isBodyAssignableTo(String.class)).isTrue();
    }
}
