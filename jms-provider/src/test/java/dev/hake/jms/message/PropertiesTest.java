package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Property names, types, read-only state and the JMSX properties. */
class PropertiesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b", "x\u0000", "NULL", "true", "False", "not", "AND", "or",
            "Between", "LIKE", "in", "IS", "escape"})
    void refusesNamesThatAreNotSelectorIdentifiers(String name) {
        HakeMessage message = new HakeMessage();
        assertThatThrownBy(() -> message.setIntProperty(name, 1)).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> message.setObjectProperty(name, "v")).isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_x", "$y", "camelCase9", "JMS_hake_route", "ÉtatNœud", "NULLS", "Island"})
    void acceptsSelectorIdentifiers(String name) throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setIntProperty(name, 5);
        assertThat(message.getIntProperty(name)).isEqualTo(5);
    }

    @Test
    void setObjectPropertyRefusesOtherTypes() {
        HakeMessage message = new HakeMessage();
        assertThatThrownBy(() -> message.setObjectProperty("c", 'c')).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("b", new byte[1])).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("o", new Object())).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setObjectProperty("l", List.of())).isExactlyInstanceOf(MessageFormatException.class);
        assertThat(message.getPropertyNames().hasMoreElements()).isFalse();
    }

    @Test
    void nullValueLeavesNoProperty() throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setStringProperty("s", "v");
        message.setStringProperty("s", null);
        message.setObjectProperty("o", null);
        assertThat(message.propertyExists("s")).isFalse();
        assertThat(message.propertyExists("o")).isFalse();
        assertThat(message.getStringProperty("s")).isNull();
        assertThat(message.getObjectProperty("o")).isNull();
    }

    @Test
    void namesAreListedInOrderOfSetting() throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setIntProperty("b", 1);
        message.setStringProperty("a", "x");
        message.setIntProperty("b", 2);
        assertThat(Collections.list(message.getPropertyNames())).containsExactly("b", "a");
        assertThat(message.propertyExists("a")).isTrue();
        assertThat(message.propertyExists("c")).isFalse();
        assertThat(message.propertyExists(null)).isFalse();
    }

    @Test
    void receivedPropertiesAreReadOnlyUntilCleared() throws JMSException {
        HakeMessage sent = new HakeMessage();
        sent.setStringProperty("color", "red");
        HakeMessage received = HakeMessage.fromWire(sent.toWireForSend(), TrustedClasses.defaults());

        assertThatThrownBy(() -> received.setStringProperty("color", "blue"))
                .isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThatThrownBy(() -> received.setObjectProperty("other", 1))
                .isExactlyInstanceOf(MessageNotWriteableException.class);
        assertThat(received.getStringProperty("color")).isEqualTo("red");

        received.clearProperties();
        assertThat(received.propertyExists("color")).isFalse();
        received.setStringProperty("color", "blue");
        assertThat(received.getStringProperty("color")).isEqualTo("blue");
    }

    @Test
    void receivedMessageCarriesDeliveryCount() throws JMSException {
        WireMessage wire = new WireMessage();
        wire.properties().put("k", "v");
        wire.deliveryCount(3);
        HakeMessage received = HakeMessage.fromWire(wire, TrustedClasses.defaults());

        assertThat(Collections.list(received.getPropertyNames())).containsExactly("k", "JMSXDeliveryCount");
        assertThat(received.getIntProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(received.getLongProperty("JMSXDeliveryCount")).isEqualTo(3L);
        assertThat(received.getStringProperty("JMSXDeliveryCount")).isEqualTo("3");
        assertThat(received.getObjectProperty("JMSXDeliveryCount")).isEqualTo(3);
        assertThat(received.propertyExists("JMSXDeliveryCount")).isTrue();
        assertThat(received.getJMSRedelivered()).isTrue();

        received.clearProperties();
        assertThat(Collections.list(received.getPropertyNames())).containsExactly("JMSXDeliveryCount");
        assertThatThrownBy(() -> received.setIntProperty("JMSXDeliveryCount", 1))
                .isExactlyInstanceOf(MessageNotWriteableException.class);
    }

    @Test
    void firstDeliveryIsNotRedelivered() throws JMSException {
        WireMessage wire = new WireMessage();
        wire.deliveryCount(1);
        HakeMessage received = HakeMessage.fromWire(wire, TrustedClasses.defaults());
        assertThat(received.getJMSRedelivered()).isFalse();
        assertThat(received.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);

        // A wire message without a count was still delivered once.
        HakeMessage uncounted = HakeMessage.fromWire(new WireMessage(), TrustedClasses.defaults());
        assertThat(uncounted.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(uncounted.getJMSRedelivered()).isFalse();
    }

    @Test
    void newMessageHasNoDeliveryCount() {
        HakeMessage message = new HakeMessage();
        assertThat(message.propertyExists("JMSXDeliveryCount")).isFalse();
        assertThat(message.getPropertyNames().hasMoreElements()).isFalse();
    }

    @Test
    void clientSetsOnlyTheGroupProperties() throws JMSException {
        HakeMessage message = new HakeMessage();
        message.setStringProperty("JMSXGroupID", "orders-42");
        message.setIntProperty("JMSXGroupSeq", 7);
        assertThat(message.getStringProperty("JMSXGroupID")).isEqualTo("orders-42");
        assertThat(message.getIntProperty("JMSXGroupSeq")).isEqualTo(7);

        assertThatThrownBy(() -> message.setIntProperty("JMSXGroupID", 1)).isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setStringProperty("JMSXGroupSeq", "1"))
                .isExactlyInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> message.setLongProperty("JMSXGroupSeq", 1L))
                .isExactlyInstanceOf(MessageFormatException.class);
        for (String providerSet : List.of("JMSXDeliveryCount", "JMSXUserID", "JMSXAppID", "JMSXRcvTimestamp", "JMSXOther")) {
            assertThatThrownBy(() -> message.setStringProperty(providerSet, "x"))
                    .isExactlyInstanceOf(MessageNotWriteableException.class)
                    .hasMessageContaining(providerSet);
        }
    }

    @Test
    void sendSnapshotHoldsNoDeliveryCount() throws JMSException {
        WireMessage wire = new WireMessage();
        wire.deliveryCount(4);
        HakeMessage received = HakeMessage.fromWire(wire, TrustedClasses.defaults());
        WireMessage resent = received.toWireForSend();
        assertThat(resent.deliveryCount()).isZero();
        assertThat(resent.properties()).doesNotContainKey("JMSXDeliveryCount");
    }
}
