package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Topics: fan-out to subscribers, durable subscriptions that outlive their consumers, unsubscribe. */
class TopicSubscriptionIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void durableSubscriberGetsWhatWasPublishedWhileItWasAway() throws Exception {
        HakeConnectionFactory withClientId = factory("clientId=billing-app");
        Connection first = track(withClientId.createConnection());
        Session s1 = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = s1.createTopic("events");
        s1.createDurableSubscriber(topic, "billing").close();
        first.close();

        Connection publisher = connection();
        Session ps = publisher.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = ps.createProducer(topic);
        producer.send(ps.createTextMessage("while away 1"));
        producer.send(ps.createTextMessage("while away 2"));

        Connection back = track(withClientId.createConnection());
        back.start();
        Session s2 = back.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TopicSubscriber subscriber = s2.createDurableSubscriber(topic, "billing");
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            TextMessage m = (TextMessage) subscriber.receive(WAIT);
            assertThat(m).isNotNull();
            assertThat(m.getJMSDestination()).isEqualTo(topic);
            texts.add(m.getText());
        }
        assertThat(texts).containsExactlyInAnyOrder("while away 1", "while away 2");
        subscriber.close();
        s2.unsubscribe("billing");
        assertThat(aws.queueUrls(prefix + "d-")).isEmpty();
    }

    @Test
    void everySubscriberGetsItsOwnCopy() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("prices");
        MessageConsumer a = session.createConsumer(topic);
        MessageConsumer b = session.createConsumer(topic);
        TextMessage sent = session.createTextMessage("EUR 1.08");
        sent.setStringProperty("pair", "EURUSD");
        session.createProducer(topic).send(sent);

        for (MessageConsumer consumer : new MessageConsumer[] {a, b}) {
            TextMessage got = (TextMessage) consumer.receive(WAIT);
            assertThat(got.getText()).isEqualTo("EUR 1.08");
            assertThat(got.getStringProperty("pair")).isEqualTo("EURUSD");
            assertThat(got.getJMSMessageID()).isEqualTo(sent.getJMSMessageID());
        }
    }

    @Test
    void nonDurableSubscriberQueueIsRemovedWhenItCloses() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("ticks");
        MessageConsumer consumer = session.createConsumer(topic);
        assertThat(aws.queueUrls(prefix + "nd-")).hasSize(1);
        String topicArn = aws.topicArns(prefix + "ticks").get(0);
        assertThat(aws.subscriptions(topicArn)).hasSize(1)
                .allSatisfy(s -> assertThat(s.protocol()).isEqualTo("sqs"));

        consumer.close();

        assertThat(aws.queueUrls(prefix + "nd-")).isEmpty();
        assertThat(aws.subscriptions(topicArn)).isEmpty();
    }

    @Test
    void durableSubscriptionNeedsAClientIdAndUnsubscribeNeedsASubscription() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("events");
        assertThatThrownBy(() -> session.createDurableSubscriber(topic, "x"))
                .isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessageContaining("client ID");

        Connection named = track(factory("clientId=app").createConnection());
        Session ns = named.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> ns.unsubscribe("never-made"))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("never-made");
    }

    @Test
    void subscriptionQueueOnlyAcceptsItsTopic() throws Exception {
        Connection c = track(factory("clientId=policy").createConnection());
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createDurableSubscriber(session.createTopic("audit"), "auditor").close();
        String url = aws.queueUrls(prefix + "d-").get(0);
        String policy = aws.sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNamesWithStrings("Policy")).join().attributesAsStrings().get("Policy");
        String topicArn = aws.topicArns(prefix + "audit").get(0);
        // Backends may re-format the JSON; compare without white space.
        assertThat(policy.replace(" ", "")).contains("\"aws:SourceArn\":\"" + topicArn + "\"")
                .contains("\"Action\":\"sqs:SendMessage\"");
        session.unsubscribe("auditor");
    }
}
