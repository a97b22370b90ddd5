package dev.hake.jms;

import static dev.hake.jms.InMemoryMessagingTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

/** Topics and their subscriptions, on the in-memory backend. */
class InMemoryTopicTest extends InMemoryJmsTest {

    @Test
    void everySubscriberGetsItsOwnCopy() throws Exception {
        Session session = startedSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("news");
        MessageConsumer one = session.createConsumer(topic);
        MessageConsumer two = session.createConsumer(topic);

        session.createProducer(topic).send(session.createTextMessage("extra"));

        assertThat(text(one.receive(WAIT))).isEqualTo("extra");
        assertThat(text(two.receive(WAIT))).isEqualTo("extra");
        assertThat(one.receiveNoWait()).isNull();
    }

    @Test
    void aSubscriberWithASelectorGetsOnlyWhatItSelects() throws Exception {
        Session session = startedSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("prices");
        MessageConsumer cheap = session.createConsumer(topic, "price < 10");
        MessageProducer producer = session.createProducer(topic);
        for (int price : new int[] {50, 5, 20, 9}) {
            TextMessage m = session.createTextMessage("costs " + price);
            m.setIntProperty("price", price);
            producer.send(m);
        }

        assertThat(text(cheap.receive(WAIT))).isEqualTo("costs 5");
        assertThat(text(cheap.receive(WAIT))).isEqualTo("costs 9");
        assertThat(cheap.receiveNoWait()).isNull();
    }

    @Test
    void aDelayedMessageOnATopicArrivesNotBeforeItsDeliveryTime() throws Exception {
        // SNS cannot delay: the subscriber hides the message in its queue until it is due.
        Session session = startedSession(Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("reminders");
        MessageConsumer subscriber = session.createConsumer(topic);
        MessageProducer producer = session.createProducer(topic);
        producer.setDeliveryDelay(1_000);
        TextMessage sent = session.createTextMessage("later");
        producer.send(sent);

        assertThat(subscriber.receiveNoWait()).isNull();
        assertThat(text(subscriber.receive(WAIT))).isEqualTo("later");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
    }

    @Test
    void aDurableSubscriptionKeepsMessagesWhileItsConsumerIsClosed() throws Exception {
        Connection c = startedConnectionWithClientId();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("orders");
        MessageProducer producer = session.createProducer(topic);
        MessageConsumer durable = session.createDurableConsumer(topic, "audit");
        producer.send(session.createTextMessage("while open"));
        assertThat(text(durable.receive(WAIT))).isEqualTo("while open");
        durable.close();

        producer.send(session.createTextMessage("while closed"));
        MessageConsumer nonDurable = session.createConsumer(topic);
        producer.send(session.createTextMessage("after"));

        MessageConsumer reopened = session.createDurableConsumer(topic, "audit");
        assertThat(text(reopened.receive(WAIT))).isEqualTo("while closed");
        assertThat(text(reopened.receive(WAIT))).isEqualTo("after");
        assertThat(text(nonDurable.receive(WAIT))).as("a non-durable subscriber gets only what came after it")
                .isEqualTo("after");
        reopened.close();
        session.unsubscribe("audit");
    }
}
