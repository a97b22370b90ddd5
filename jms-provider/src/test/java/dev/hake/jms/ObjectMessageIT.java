package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

/** ObjectMessage bodies deserialise only from trusted packages. */
class ObjectMessageIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    /** A class outside the default trusted packages. */
    record Order(String id, int quantity) implements Serializable {
    }

    @Test
    void untrustedClassIsRefusedAndNeverDeserialised() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("objects");
        session.createProducer(queue).send(session.createObjectMessage(new Order("o-1", 3)));

        ObjectMessage got = (ObjectMessage) session.createConsumer(queue).receive(WAIT);
        assertThatThrownBy(got::getObject).isInstanceOf(JMSException.class)
                .hasMessageContaining(Order.class.getName()).hasMessageContaining("trusted");
    }

    @Test
    void trustedPackagesSettingAllowsTheApplicationsClasses() throws Exception {
        Connection c = track(factory("trustedPackages=java.lang,java.util,dev.hake.jms").createConnection());
        c.start();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("trusted-objects");
        MessageConsumer consumer = session.createConsumer(queue);
        session.createProducer(queue).send(session.createObjectMessage(new Order("o-2", 5)));

        ObjectMessage got = (ObjectMessage) consumer.receive(WAIT);
        assertThat(got.getObject()).isEqualTo(new Order("o-2", 5));
    }
}
