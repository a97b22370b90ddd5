package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.Subscription;

/** Message selectors on queues and subscriptions, exact in the client, narrowed early by SNS. */
class SelectorIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void queueConsumerGetsOnlyMatchesAndLeavesTheRestForOthers() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("mixed");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 6; i++) {
            TextMessage m = session.createTextMessage("m" + i);
            m.setStringProperty("colour", i % 2 == 0 ? "red" : "blue");
            m.setIntProperty("size", i);
            producer.send(m);
        }
        MessageConsumer reds = session.createConsumer(queue, "colour = 'red' AND size >= 2");
        assertThat(reds.getMessageSelector()).isEqualTo("colour = 'red' AND size >= 2");
        List<String> gotRed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            gotRed.add(((TextMessage) reds.receive(WAIT)).getText());
        }
        assertThat(gotRed).containsExactlyInAnyOrder("m2", "m4");
        assertThat(reds.receive(500)).isNull();

        MessageConsumer everyoneElse = session.createConsumer(queue);
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TextMessage m = (TextMessage) everyoneElse.receive(WAIT);
            assertThat(m).as("left-over message %d", i).isNotNull();
            assertThat(m.getJMSRedelivered()).isFalse();
            rest.add(m.getText());
        }
        assertThat(rest).containsExactlyInAnyOrder("m0", "m1", "m3", "m5");
    }

    @Test
    void subscriptionSelectorFiltersAndIsPushedDownToSns() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("quotes");
        MessageConsumer eur = session.createConsumer(topic, "currency IN ('EUR', 'CHF') AND JMSPriority > 3");
        MessageProducer producer = session.createProducer(topic);
        for (String currency : new String[] {"USD", "EUR", "GBP", "CHF"}) {
            TextMessage m = session.createTextMessage(currency);
            m.setStringProperty("currency", currency);
            producer.send(m);
        }

        List<String> got = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            got.add(((TextMessage) eur.receive(WAIT)).getText());
        }
        assertThat(got).containsExactlyInAnyOrder("EUR", "CHF");
        assertThat(eur.receive(500)).isNull();

        String topicArn = aws.topicArns(prefix + "quotes").get(0);
        Subscription sub = aws.subscriptions(topicArn).get(0);
        String policy = aws.sns.getSubscriptionAttributes(r -> r.subscriptionArn(sub.subscriptionArn())).join()
                .attributes().get("FilterPolicy");
        assertThat(policy.replace(" ", "")).contains("\"currency\"").contains("\"EUR\"").contains("hake.props");
    }

    @Test
    void aSubscriptionWhosePolicySnsRefusesStillFiltersInTheClient() throws Exception {
        // moto counts this policy's complexity past its limit; AWS and the embedded backend take it.
        // Either way the subscriber gets exactly what the selector selects.
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("complex");
        MessageConsumer consumer = session.createConsumer(topic, "a IS NULL AND b LIKE 'fooG_%' ESCAPE 'G'"
                + " AND c IN ('x', 'y') AND d NOT BETWEEN 0 AND 10 AND (e OR FALSE)");
        MessageProducer producer = session.createProducer(topic);
        for (String b : new String[] {"foo_match", "fooXnomatch"}) {
            TextMessage m = session.createTextMessage(b);
            m.setStringProperty("b", b);
            m.setStringProperty("c", "x");
            m.setIntProperty("d", 20);
            m.setBooleanProperty("e", true);
            producer.send(m);
        }
        assertThat(((TextMessage) consumer.receive(WAIT)).getText()).isEqualTo("foo_match");
        assertThat(consumer.receive(500)).isNull();
    }

    @Test
    void headerFieldsAndPackedPropertiesAreSelectedExactly() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("packed");
        MessageConsumer consumer = session.createConsumer(topic, "JMSType = 'order' AND big > 1000000000");
        MessageProducer producer = session.createProducer(topic);
        TextMessage yes = session.createTextMessage("yes");
        yes.setJMSType("order");
        yes.setLongProperty("big", 5_000_000_000L);   // beyond SNS's numeric range: travels packed
        TextMessage no = session.createTextMessage("no");
        no.setJMSType("order");
        no.setLongProperty("big", 7L);
        producer.send(no);
        producer.send(yes);

        assertThat(((TextMessage) consumer.receive(WAIT)).getText()).isEqualTo("yes");
        assertThat(consumer.receive(500)).isNull();
    }

    @Test
    void badSelectorIsRejectedWhenTheConsumerIsCreated() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("bad-selector");
        assertThatThrownBy(() -> session.createConsumer(queue, "colour = "))
                .isInstanceOf(InvalidSelectorException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> session.createConsumer(session.createTopic("t"), "a LIKE"))
                .isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> session.createBrowser(queue, "((("))
                .isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void browserAppliesItsSelector() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("browse-select");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 4; i++) {
            TextMessage m = session.createTextMessage("n" + i);
            m.setIntProperty("n", i);
            producer.send(m);
        }
        List<String> seen = new ArrayList<>();
        var e = session.createBrowser(queue, "n BETWEEN 1 AND 2").getEnumeration();
        while (e.hasMoreElements()) {
            seen.add(((TextMessage) e.nextElement()).getText());
        }
        assertThat(seen).containsExactlyInAnyOrder("n1", "n2");
    }
}
