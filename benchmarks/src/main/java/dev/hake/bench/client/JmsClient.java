package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Scenario;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.Locale;

/** Plain JMS code, written to one {@link JmsProfile}, on one provider. */
public final class JmsClient implements ClientUnderTest {

    static final String CLIENT_ID = "bench";
    private static final String QUEUE = "q";
    private static final String TOPIC = "t";

    private final String name;
    private final JmsVendor vendor;
    private final JmsProfile profile;
    private final boolean topics;

    private JmsClient(String name, JmsVendor vendor, JmsProfile profile, boolean topics) {
        this.name = name;
        this.vendor = vendor;
        this.profile = profile;
        this.topics = topics;
    }

    public static JmsClient hake(JmsProfile profile) {
        return new JmsClient("hake-" + profile.name().toLowerCase(Locale.ROOT), new HakeVendor(), profile, true);
    }

    /** Amazon's library, written the plain way (its defaults); queues only. */
    public static JmsClient amazon() {
        return new JmsClient("amazon-jms", new AmazonVendor(), JmsProfile.PLAIN, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return (vendor instanceof HakeVendor ? "hake" : "Amazon SQS Java Messaging Library 2.1.4, default settings")
                + ": " + profile.description();
    }

    @Override
    public boolean supportsTopics() {
        return topics;
    }

    @Override
    public Trial open(Scenario scenario, TrialSetup setup, Deliveries deliveries) throws JMSException {
        if (!scenario.topic()) {
            vendor.prepareQueue(setup, QUEUE);
        }
        var factory = vendor.factory(setup);
        Connection consumers = factory.createConnection();
        Connection producers = null;
        try {
            if (scenario.topic()) {
                consumers.setClientID(CLIENT_ID);
            }
            JmsTrial trial = new JmsTrial(profile, consumers);
            for (int s = 0; s < scenario.subscriptions(); s++) {
                for (int c = 0; c < scenario.consumersPerSubscription(); c++) {
                    Session session = consumers.createSession(profile.transacted(), profile.consumerAckMode());
                    Destination destination = destination(session, scenario, setup);
                    MessageConsumer consumer = scenario.topic()
                            ? session.createDurableConsumer((Topic) destination, "s" + s)
                            : session.createConsumer(destination);
                    trial.consume(session, consumer, s, deliveries);
                }
            }
            consumers.start();
            producers = factory.createConnection();
            Session session = producers.createSession(profile.transacted(), Session.AUTO_ACKNOWLEDGE);
            trial.produceWith(producers, session, session.createProducer(destination(session, scenario, setup)));
            return trial;
        } catch (JMSException | RuntimeException e) {
            consumers.close();
            if (producers != null) {
                producers.close();
            }
            throw e;
        }
    }

    private Destination destination(Session session, Scenario scenario, TrialSetup setup) throws JMSException {
        return scenario.topic() ? session.createTopic(vendor.destinationName(setup, TOPIC))
                : session.createQueue(vendor.destinationName(setup, QUEUE));
    }
}
