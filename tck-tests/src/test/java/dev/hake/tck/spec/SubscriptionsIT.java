package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import jakarta.jms.TopicSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 8.3 "Creating a consumer on a topic" (8.3.1 to 8.3.4, the four
 * kinds of subscription): unshared durable subscriptions keep what is published while no consumer
 * is active, and unsubscribe deletes them; shared durable and shared non-durable subscriptions
 * share their messages among their consumers, each message going to one of them; noLocal; and the
 * rules for names, client identifiers and active consumers.
 */
class SubscriptionsIT extends SpecTest {

    private Connection withClientId(String name) throws JMSException {
        Connection connection = connection();
        connection.setClientID(clientId(name));
        connection.start();
        return connection;
    }

    private static void publish(Session session, Topic topic, String... texts) throws JMSException {
        MessageProducer producer = session.createProducer(topic);
        for (String text : texts) {
            producer.send(session.createTextMessage(text));
        }
        producer.close();
    }

    @Test
    void aDurableSubscriptionKeepsWhatIsPublishedWhileItHasNoConsumer() throws Exception {
        Connection connection = withClientId("durable");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("durable");
        session.createDurableConsumer(topic, "keeper").close();

        publish(session, topic, "while away 1", "while away 2", "while away 3");

        MessageConsumer back = session.createDurableConsumer(topic, "keeper");
        assertThat(texts(receive(back, 3))).containsExactlyInAnyOrder("while away 1", "while away 2", "while away 3");
        assertNothingMore(back);
        back.close();
        session.unsubscribe("keeper");
    }

    @Test
    void aDurableSubscriptionOutlivesItsConnection() throws Exception {
        Connection first = withClientId("outlive");
        Session session = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("outlive");
        session.createDurableSubscriber(topic, "lasting");
        first.close();

        Connection publisher = startedConnection();
        Session publishing = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE);
        publish(publishing, topic, "published with nobody connected");

        Connection second = withClientId("outlive");
        Session again = second.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TopicSubscriber subscriber = again.createDurableSubscriber(topic, "lasting");
        assertThat(text(subscriber.receive(WAIT))).isEqualTo("published with nobody connected");
        subscriber.close();
        again.unsubscribe("lasting");
    }

    @Test
    void unsubscribeDeletesTheSubscriptionAndWhatItHeld() throws Exception {
        Connection connection = withClientId("unsub");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("unsub");
        session.createDurableConsumer(topic, "temporary").close();
        publish(session, topic, "held");

        session.unsubscribe("temporary");

        publish(session, topic, "after unsubscribe");
        MessageConsumer fresh = session.createDurableConsumer(topic, "temporary");
        assertNothingMore(fresh);
        publish(session, topic, "for the new one");
        assertThat(text(fresh.receive(WAIT))).isEqualTo("for the new one");
        fresh.close();
        session.unsubscribe("temporary");
    }

    @Test
    void unsubscribeNeedsAnExistingSubscriptionWithoutActiveConsumer() throws Exception {
        Connection connection = withClientId("unsub-rules");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("unsub-rules");

        assertThatThrownBy(() -> session.unsubscribe("never-created")).isInstanceOf(InvalidDestinationException.class);

        MessageConsumer active = session.createDurableConsumer(topic, "busy");
        assertThatThrownBy(() -> session.unsubscribe("busy")).isInstanceOf(JMSException.class);
        active.close();
        session.unsubscribe("busy");
    }

    @Test
    void anUnsharedDurableSubscriptionNeedsAClientId() throws Exception {
        Session session = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("no-client-id");

        assertThatThrownBy(() -> session.createDurableConsumer(topic, "anonymous")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createDurableSubscriber(topic, "anonymous")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnsharedDurableSubscriptionHasOneActiveConsumerAtATime() throws Exception {
        Connection connection = withClientId("single");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("single");
        MessageConsumer first = session.createDurableConsumer(topic, "only-one");

        Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> other.createDurableConsumer(topic, "only-one")).isInstanceOf(JMSException.class);

        first.close();
        other.createDurableConsumer(topic, "only-one").close();
        session.unsubscribe("only-one");
    }

    @Test
    void aDurableSubscriptionWithASelectorKeepsOnlyMatchingMessages() throws Exception {
        Connection connection = withClientId("durable-selector");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("durable-selector");
        session.createDurableConsumer(topic, "urgent", "level > 5", false).close();
        MessageProducer producer = session.createProducer(topic);
        for (int level : new int[] {1, 7, 3, 9}) {
            TextMessage m = session.createTextMessage("level " + level);
            m.setIntProperty("level", level);
            producer.send(m);
        }

        MessageConsumer back = session.createDurableConsumer(topic, "urgent", "level > 5", false);
        assertThat(texts(receive(back, 2))).containsExactlyInAnyOrder("level 7", "level 9");
        assertNothingMore(back);
        back.close();
        session.unsubscribe("urgent");
    }

    @Test
    void resubscribingWithAnotherSelectorReplacesTheSubscription() throws Exception {
        Connection connection = withClientId("replace");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("replace");
        session.createDurableConsumer(topic, "changing", "kind = 'old'", false).close();
        TextMessage old = session.createTextMessage("old kind");
        old.setStringProperty("kind", "old");
        session.createProducer(topic).send(old);

        // Same name, another selector: as if unsubscribed and subscribed afresh.
        MessageConsumer replaced = session.createDurableConsumer(topic, "changing", "kind = 'new'", false);
        assertNothingMore(replaced);
        TextMessage fresh = session.createTextMessage("new kind");
        fresh.setStringProperty("kind", "new");
        session.createProducer(topic).send(fresh);
        assertThat(text(replaced.receive(WAIT))).isEqualTo("new kind");
        replaced.close();
        session.unsubscribe("changing");
    }

    @Test
    void sharedDurableConsumersShareTheMessagesEachGettingAMessageOnce() throws Exception {
        Connection one = startedConnection();
        Connection two = startedConnection();
        Session s1 = one.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = two.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = s1.createTopic("shared-durable");
        List<String> got = new CopyOnWriteArrayList<>();
        MessageConsumer a = s1.createSharedDurableConsumer(topic, "workers");
        MessageConsumer b = s2.createSharedDurableConsumer(topic, "workers");
        a.setMessageListener(m -> got.add(textOf(m)));
        b.setMessageListener(m -> got.add(textOf(m)));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add("job " + i);
        }
        publish(startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE), topic, sent.toArray(String[]::new));

        await().atMost(Duration.ofMillis(WAIT)).until(() -> got.size() >= 20);
        await().during(Duration.ofMillis(QUIET)).atMost(Duration.ofMillis(WAIT)).until(() -> got.size() == 20);
        assertThat(got).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        a.close();
        b.close();
        s1.unsubscribe("workers");
    }

    @Test
    void aSharedDurableSubscriptionKeepsWhatIsPublishedWhileItHasNoConsumer() throws Exception {
        Session session = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("shared-durable-away");
        session.createSharedDurableConsumer(topic, "pool").close();

        publish(session, topic, "kept for the pool");

        MessageConsumer back = session.createSharedDurableConsumer(topic, "pool");
        assertThat(text(back.receive(WAIT))).isEqualTo("kept for the pool");
        back.close();
        session.unsubscribe("pool");
    }

    @Test
    void sharedNonDurableConsumersShareTheMessagesWhileEverySubscriptionGetsACopy() throws Exception {
        Connection one = startedConnection();
        Connection two = startedConnection();
        Session s1 = one.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session s2 = two.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = s1.createTopic("shared");
        List<String> shared = new CopyOnWriteArrayList<>();
        List<String> plain = new CopyOnWriteArrayList<>();
        s1.createSharedConsumer(topic, "group").setMessageListener(m -> shared.add(textOf(m)));
        s2.createSharedConsumer(topic, "group").setMessageListener(m -> shared.add(textOf(m)));
        s2.createConsumer(topic).setMessageListener(m -> plain.add(textOf(m)));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add("event " + i);
        }
        publish(startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE), topic, sent.toArray(String[]::new));

        await().atMost(Duration.ofMillis(WAIT)).until(() -> shared.size() >= 10 && plain.size() >= 10);
        await().during(Duration.ofMillis(QUIET)).atMost(Duration.ofMillis(WAIT))
                .until(() -> shared.size() == 10 && plain.size() == 10);
        assertThat(shared).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        assertThat(plain).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void aSharedNonDurableSubscriptionEndsWithItsLastConsumer() throws Exception {
        Session session = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("shared-ends");
        MessageConsumer only = session.createSharedConsumer(topic, "short-lived");
        publish(session, topic, "while open");
        assertThat(text(only.receive(WAIT))).isEqualTo("while open");
        only.close();

        publish(session, topic, "while closed");

        MessageConsumer again = session.createSharedConsumer(topic, "short-lived");
        assertNothingMore(again);
    }

    @Test
    void aSharedSubscriptionWithASelectorGivesItsConsumersOnlyMatchingMessages() throws Exception {
        Session session = startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("shared-selector");
        MessageConsumer consumer = session.createSharedConsumer(topic, "evens", "n / 2 * 2 = n");
        MessageProducer producer = session.createProducer(topic);
        for (int n = 1; n <= 4; n++) {
            TextMessage m = session.createTextMessage("n=" + n);
            m.setIntProperty("n", n);
            producer.send(m);
        }

        assertThat(texts(receive(consumer, 2))).containsExactlyInAnyOrder("n=2", "n=4");
        assertNothingMore(consumer);
    }

    @Test
    void sharedAndUnsharedDurableSubscriptionsCannotShareANameAndClientId() throws Exception {
        Connection connection = withClientId("clash");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("clash");
        session.createDurableConsumer(topic, "name").close();

        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "name")).isInstanceOf(JMSException.class);

        session.unsubscribe("name");
        session.createSharedDurableConsumer(topic, "name").close();
        assertThatThrownBy(() -> session.createDurableConsumer(topic, "name")).isInstanceOf(JMSException.class);
        session.unsubscribe("name");
    }

    @Test
    void aNoLocalSubscriberDoesNotGetItsOwnConnectionsMessages() throws Exception {
        Connection mine = startedConnection();
        Connection theirs = startedConnection();
        Session mySession = mine.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session theirSession = theirs.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = mySession.createTopic("no-local");
        MessageConsumer noLocal = mySession.createConsumer(topic, null, true);
        MessageConsumer local = mySession.createConsumer(topic);

        // Another session of the same connection counts as the same connection.
        publish(mine.createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "mine");
        publish(theirSession, topic, "theirs");

        assertThat(text(noLocal.receive(WAIT))).isEqualTo("theirs");
        assertNothingMore(noLocal);
        assertThat(texts(receive(local, 2))).containsExactlyInAnyOrder("mine", "theirs");
    }

    @Test
    void aNoLocalDurableSubscriptionDoesNotKeepItsOwnConnectionsMessages() throws Exception {
        Connection mine = withClientId("no-local-durable");
        Session mySession = mine.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = mySession.createTopic("no-local-durable");
        mySession.createDurableConsumer(topic, "others-only", null, true).close();

        publish(mySession, topic, "mine");
        publish(startedConnection().createSession(false, Session.AUTO_ACKNOWLEDGE), topic, "theirs");

        MessageConsumer back = mySession.createDurableConsumer(topic, "others-only", null, true);
        assertThat(text(back.receive(WAIT))).isEqualTo("theirs");
        assertNothingMore(back);
        back.close();
        mySession.unsubscribe("others-only");
    }

    @Test
    void aDurableAndASharedNonDurableSubscriptionOfTheSameNameAreSeparate() throws Exception {
        Connection connection = withClientId("separate");
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("separate");
        MessageConsumer durable = session.createDurableConsumer(topic, "same");
        MessageConsumer shared = session.createSharedConsumer(topic, "same");

        publish(session, topic, "both get it");

        assertThat(text(durable.receive(WAIT))).isEqualTo("both get it");
        assertThat(text(shared.receive(WAIT))).isEqualTo("both get it");
        durable.close();
        session.unsubscribe("same");
    }

    private static String textOf(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            throw new AssertionError(e);
        }
    }
}
