package dev.hake.faults;

import dev.hake.embedded.junit.HakeTestBackend;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;

/**
 * A topic with two durable subscriptions (each an SQS queue subscribed to the SNS topic), read by
 * AUTO_ACKNOWLEDGE listeners; every message must reach both. The subscriptions are removed with
 * unsubscribe at the end.
 */
class DurableTopicIT extends FaultScenario {

    private static final List<String> SUBSCRIPTIONS = List.of("sub-a", "sub-b");

    private Session producerSession;
    private final List<MessageConsumer> consumers = new ArrayList<>();

    DurableTopicIT(HakeTestBackend backend) {
        super(backend);
    }

    @Override
    String name() {
        return "durable-topic";
    }

    @Override
    Sender start(FaultCase c) throws JMSException {
        Ledger ledger = c.ledger(SUBSCRIPTIONS);
        Connection connection = c.connection("client-" + c.prefix);
        producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = producerSession.createTopic("events");
        for (String subscription : SUBSCRIPTIONS) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createDurableConsumer(topic, subscription);
            consumer.setMessageListener(new RecordingListener(subscription, ledger, c.exceptions));
            consumers.add(consumer);
        }
        var producer = producerSession.createProducer(topic);
        connection.start();
        return new PlainSender(producerSession, producer, ledger, c.exceptions);
    }

    @Override
    void stop(FaultCase c) {
        try {
            for (MessageConsumer consumer : consumers) {
                consumer.close();
            }
            for (String subscription : SUBSCRIPTIONS) {
                producerSession.unsubscribe(subscription);
            }
        } catch (JMSException e) {
            c.exceptions.record("unsubscribe", e);
        }
    }
}
