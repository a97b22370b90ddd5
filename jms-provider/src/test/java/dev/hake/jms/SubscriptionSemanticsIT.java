package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shared subscriptions, noLocal, and the rules for changing and removing durable subscriptions. */
class SubscriptionSemanticsIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void sharedDurableConsumersOnDifferentConnectionsCompete() throws Exception {
        Connection c1 = startedConnection();
        Connection c2 = startedConnection();
        Session s1 = c1.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = c2.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = s1.createTopic("jobs-topic");
        MessageConsumer a = s1.createSharedDurableConsumer(topic, "workers");
        MessageConsumer b = s2.createSharedDurableConsumer(topic, "workers");
        MessageProducer producer = s1.createProducer(topic);
        for (int i = 0; i < 20; i++) {
            producer.send(s1.createTextMessage("job " + i));
        }
        List<String> got = new ArrayList<>();
        // Both take from one queue; together they see every message exactly once.
        drain(a, got, 300);
        drain(b, got, 300);
        for (int round = 0; round < 20 && got.size() < 20; round++) {
            drain(a, got, 500);
            drain(b, got, 500);
        }
        assertThat(got).hasSize(20).doesNotHaveDuplicates();
        assertThat(aws.queueUrls(prefix + "sd-")).hasSize(1);
        a.close();
        b.close();
        s1.unsubscribe("workers");
        assertThat(aws.queueUrls(prefix + "sd-")).isEmpty();
    }

    private static void drain(MessageConsumer consumer, List<String> into, long wait) throws JMSException {
        Message m;
        while ((m = consumer.receive(wait)) != null) {
            into.add(((TextMessage) m).getText());
        }
    }

    @Test
    void sharedNonDurableSubscriptionEndsWithItsLastConsumer() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("shared-nd");
        MessageConsumer a = session.createSharedConsumer(topic, "group");
        MessageConsumer b = session.createSharedConsumer(topic, "group");
        session.createProducer(topic).send(session.createTextMessage("one copy"));
        Message first = a.receive(2_000);
        Message second = first == null ? b.receive(WAIT) : b.receive(500);
        assertThat(first == null ? second : first).isNotNull();
        assertThat(first != null && second != null).as("only one consumer gets the message").isFalse();

        a.close();
        assertThat(aws.queueUrls(prefix + "sn-")).hasSize(1);
        b.close();
        assertThat(aws.queueUrls(prefix + "sn-")).isEmpty();
    }

    @Test
    void noLocalSubscriberDoesNotSeeItsOwnConnectionsMessages() throws Exception {
        Connection mine = startedConnection();
        Connection other = startedConnection();
        Session ms = mine.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = ms.createTopic("chat");
        jakarta.jms.TopicSubscriber subscriber = (jakarta.jms.TopicSubscriber) ms.createConsumer(topic, null, true);
        assertThat(subscriber.getNoLocal()).isTrue();
        ms.createProducer(topic).send(ms.createTextMessage("from me"));
        os.createProducer(topic).send(os.createTextMessage("from them"));

        assertThat(((TextMessage) subscriber.receive(WAIT)).getText()).isEqualTo("from them");
        assertThat(subscriber.receive(1_000)).isNull();
    }

    @Test
    void changingADurableSubscriptionsTopicStartsItAfresh() throws Exception {
        Connection c = track(factory("clientId=mover").createConnection());
        c.start();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic oldTopic = session.createTopic("old-topic");
        Topic newTopic = session.createTopic("new-topic");
        session.createDurableSubscriber(oldTopic, "sub").close();
        session.createProducer(oldTopic).send(session.createTextMessage("old news"));

        MessageConsumer moved = session.createDurableSubscriber(newTopic, "sub");
        session.createProducer(newTopic).send(session.createTextMessage("new news"));
        session.createProducer(oldTopic).send(session.createTextMessage("old again"));

        assertThat(((TextMessage) moved.receive(WAIT)).getText()).isEqualTo("new news");
        assertThat(moved.receive(1_000)).isNull();
        moved.close();
        session.unsubscribe("sub");
    }

    @Test
    void activeSubscriptionsCannotBeRemovedOrDoubled() throws Exception {
        Connection c = track(factory("clientId=strict").createConnection());
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("strict-topic");
        MessageConsumer consumer = session.createDurableSubscriber(topic, "only-one");

        assertThatThrownBy(() -> session.createDurableSubscriber(topic, "only-one"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("active consumer");
        assertThatThrownBy(() -> session.unsubscribe("only-one"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("active consumer");
        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "only-one"))
                .isInstanceOf(JMSException.class).hasMessageContaining("unshared");

        consumer.close();
        session.unsubscribe("only-one");
        assertThatThrownBy(() -> session.unsubscribe("only-one")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void sharedConsumersMustAgreeOnTheSelector() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("agree");
        MessageConsumer a = session.createSharedConsumer(topic, "g", "kind = 'a'");
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "g", "kind = 'b'"))
                .isInstanceOf(JMSException.class).hasMessageContaining("another topic, selector");
        a.close();
        Set<String> none = new HashSet<>(aws.queueUrls(prefix + "sn-"));
        assertThat(none).isEmpty();
    }
}
