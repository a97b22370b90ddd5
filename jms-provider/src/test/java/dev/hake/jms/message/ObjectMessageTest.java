package dev.hake.jms.message;

import dev.hake.core.TrustedClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ObjectMessageTest {

    /** An application class outside the default trusted packages; records whether it was ever deserialised. */
    static final class Order implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean deserialised;
        final String id;

        Order(String id) {
            this.id = id;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialised = true;
        }
    }

    static final class NotSerializableInside implements Serializable {
        private static final long serialVersionUID = 1L;
        final Object inside = new Object();
    }

    @Test
    void objectIsSerialisedWhenSet() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        HakeObjectMessage message = new HakeObjectMessage(list);
        list.add("b");
        assertThat(message.getObject()).isEqualTo(List.of("a"));
        assertThat(message.getObject()).isNotSameAs(message.getObject());
    }

    @Test
    void localBodyIsNotFiltered() throws JMSException {
        HakeObjectMessage message = new HakeObjectMessage();
        message.setObject(new Order("o-1"));
        assertThat(((Order) message.getObject()).id).isEqualTo("o-1");
        assertThat(message.getBody(Order.class).id).isEqualTo("o-1");
    }

    @Test
    void receivedBodyOfTrustedClassesIsDeserialised() throws JMSException {
        HashMap<String, Object> value = new HashMap<>(Map.of("n", 1, "d", new BigDecimal("1.50"),
                "t", Instant.ofEpochSecond(5), "a", new int[] {1, 2}, "s", new String[] {"x"}));
        ObjectMessage received = receive(new HakeObjectMessage(value));
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) received.getObject();
        assertThat(back).containsEntry("n", 1).containsEntry("d", new BigDecimal("1.50"))
                .containsEntry("t", Instant.ofEpochSecond(5));
        assertThat((int[]) back.get("a")).containsExactly(1, 2);
        assertThat((String[]) back.get("s")).containsExactly("x");
    }

    @Test
    void receivedBodyOfAnUntrustedClassIsNeverDeserialised() throws JMSException {
        Order.deserialised = false;
        ObjectMessage received = receive(new HakeObjectMessage(new Order("o-2")));

        assertThatThrownBy(received::getObject)
                .isExactlyInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName())
                .hasMessageContaining("not in the trusted packages");
        assertThatThrownBy(() -> received.getBody(Serializable.class)).isExactlyInstanceOf(MessageFormatException.class);
        assertThat(received.isBodyAssignableTo(Serializable.class)).isFalse();
        assertThat(Order.deserialised).isFalse();
    }

    @Test
    void untrustedClassInsideATrustedOneIsRefused() throws JMSException {
        Order.deserialised = false;
        ObjectMessage received = receive(new HakeObjectMessage(new ArrayList<>(List.of(new Order("o-3")))));
        assertThatThrownBy(received::getObject).isExactlyInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName());

        ObjectMessage array = receive(new HakeObjectMessage(new Order[] {new Order("o-4")}));
        assertThatThrownBy(array::getObject).isExactlyInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Order.class.getName());
        assertThat(Order.deserialised).isFalse();
    }

    @Test
    void filterPassedToFromWireDecides() throws JMSException {
        Predicate<String> trustTests = TrustedClasses.packages(List.of("java.lang", "dev.hake.jms.message"));
        HakeObjectMessage sent = new HakeObjectMessage(new Order("o-5"));
        ObjectMessage received = (ObjectMessage) HakeMessage.fromWire(sent.toWireForSend(), trustTests);
        assertThat(((Order) received.getObject()).id).isEqualTo("o-5");

        ObjectMessage none = (ObjectMessage) HakeMessage.fromWire(sent.toWireForSend(), name -> false);
        assertThatThrownBy(none::getObject).isExactlyInstanceOf(MessageFormatException.class);
    }

    @Test
    void bodySetAfterClearingAReceivedMessageIsLocal() throws JMSException {
        ObjectMessage received = receive(new HakeObjectMessage(new Order("o-6")));
        assertThatThrownBy(() -> received.setObject("x")).isExactlyInstanceOf(MessageNotWriteableException.class);
        received.clearBody();
        assertThat(received.getObject()).isNull();
        received.setObject(new Order("o-7"));
        assertThat(((Order) received.getObject()).id).isEqualTo("o-7");
    }

    @Test
    void garbageBodyIsAFormatError() {
        WireMessage wire = new WireMessage(BodyKind.OBJECT);
        wire.bytes(new byte[] {1, 2, 3});
        ObjectMessage received = (ObjectMessage) HakeMessage.fromWire(wire, TrustedClasses.defaults());
        assertThatThrownBy(received::getObject).isExactlyInstanceOf(MessageFormatException.class);
    }

    @Test
    void unserialisableObjectIsAFormatError() {
        HakeObjectMessage message = new HakeObjectMessage();
        assertThatThrownBy(() -> message.setObject(new NotSerializableInside()))
                .isExactlyInstanceOf(MessageFormatException.class);
    }

    @Test
    void getBodyFollowsTheObjectsClass() throws JMSException {
        HakeObjectMessage message = new HakeObjectMessage("text");
        assertThat(message.getBody(String.class)).isEqualTo("text");
        assertThat(message.getBody(Serializable.class)).isEqualTo("text");
        assertThat(message.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> message.getBody(Integer.class)).isExactlyInstanceOf(MessageFormatException.class);

        HakeObjectMessage empty = new HakeObjectMessage();
        assertThat(empty.getBody(Integer.class)).isNull();
        assertThat(empty.isBodyAssignableTo(Integer.class)).isTrue();
        empty.setObject(null);
        assertThat(empty.getObject()).isNull();
    }

    @Test
    void packagesIncludeSubPackagesOnly() {
        Predicate<String> filter = TrustedClasses.packages(List.of("com.acme"));
        assertThat(filter.test("com.acme.Order")).isTrue();
        assertThat(filter.test("com.acme.billing.Invoice")).isTrue();
        assertThat(filter.test("com.acmeevil.Gadget")).isFalse();
        assertThat(TrustedClasses.defaults().test("java.util.HashMap")).isTrue();
        assertThat(TrustedClasses.defaults().test("javax.management.BadAttributeValueExpException")).isFalse();
    }

    @Test
    void proxyClassesNeedTrustedInterfaces() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Serializable proxy = (Serializable) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Serializable.class, Runnable.class}, new SerializableHandler());
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(proxy);
        }
        WireMessage wire = new WireMessage(BodyKind.OBJECT);
        wire.bytes(bytes.toByteArray());
        ObjectMessage received = (ObjectMessage) HakeMessage.fromWire(wire, TrustedClasses.defaults());
        // java.io.Serializable is outside the default packages, and the handler class is untrusted too.
        assertThatThrownBy(received::getObject).isExactlyInstanceOf(MessageFormatException.class)
                .hasMessageContaining("not in the trusted packages");
    }

    static final class SerializableHandler implements java.lang.reflect.InvocationHandler, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
            return null;
        }
    }

    private static ObjectMessage receive(HakeObjectMessage sent) {
        return (ObjectMessage) HakeMessage.fromWire(sent.toWireForSend(), TrustedClasses.defaults());
    }
}
