package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Scenario;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.Locale;

/** Plain JMS code, written to one {@link JmsProfile}, on one provider. */
public final class JmsClient implements ClientUnderTest {

    static final String CLIENT_ID = "bench";
    private static final String TOPIC = "t";

    private final String name;
    private final JmsVendor vendor;
    private final JmsProfile profile;
    private final boolean topics;
    /** Whether the plain-calls scenario times this provider: once per provider setting, not per profile. */
    private final boolean plainCalls;

    private JmsClient(String name, JmsVendor vendor, JmsProfile profile, boolean topics, boolean plainCalls) {
        this.name = name;
        this.vendor = vendor;
        this.profile = profile;
        this.topics = topics;
        this.plainCalls = plainCalls;
    }

    /** hake written to {@code profile}; the plain profile also stands for hake in the plain-calls scenario. */
    public static JmsClient hake(JmsProfile profile) {
        return new JmsClient("hake-" + profile.name().toLowerCase(Locale.ROOT), new HakeVendor(), profile, true,
                profile == JmsProfile.PLAIN);
    }

    /** Amazon's library, written the plain way (its defaults); queues only. */
    public static JmsClient amazon() {
        return new JmsClient("amazon-jms", AmazonVendor.defaults(), JmsProfile.PLAIN, false, true);
    }

    /**
     * Amazon's library at its best for consuming: a prefetch of ten, and CLIENT_ACKNOWLEDGE every
     * ten messages, which the library turns into one ranged DeleteMessageBatch; queues only.
     */
    public static JmsClient amazonBest() {
        return new JmsClient("amazon-jms-best", AmazonVendor.prefetchingTen(), JmsProfile.CLIENT_ACKNOWLEDGE, false,
                true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return vendor.description() + ": " + profile.description();
    }

    @Override
    public boolean supportsTopics() {
        return topics;
    }

    @Override
    public Trial open(Scenario scenario, TrialSetup setup, Deliveries deliveries) throws JMSException {
        ConnectionFactory factory = vendor.factory(setup);
        JmsTrial trial = withConsumers(factory, scenario, setup, deliveries);
        try {
            trial.start();
            Connection producers = factory.createConnection();
            try {
                Session session = producers.createSession(profile.transacted(), Session.AUTO_ACKNOWLEDGE);
                trial.produceWith(producers, session, session.createProducer(destination(session, scenario, setup)));
            } catch (JMSException | RuntimeException e) {
                producers.close();
                throw e;
            }
            return trial;
        } catch (JMSException | RuntimeException e) {
            trial.close();
            throw e;
        }
    }

    @Override
    public boolean supportsDrain() {
        return true;
    }

    @Override
    public DrainConsumers drainConsumers(Scenario scenario, TrialSetup setup, Deliveries deliveries)
            throws JMSException {
        return withConsumers(vendor.factory(setup), scenario, setup, deliveries);
    }

    @Override
    public boolean supportsPlainCalls() {
        return plainCalls;
    }

    @Override
    public JmsAccess jms(TrialSetup setup) {
        ConnectionFactory factory = vendor.factory(setup);
        return new JmsAccess() {
            @Override
            public Connection connect() throws JMSException {
                return factory.createConnection();
            }

            @Override
            public Queue queue(Session session, String name) throws JMSException {
                vendor.prepareQueue(setup, name);
                return session.createQueue(vendor.destinationName(setup, name));
            }
        };
    }

    /** A trial whose consumers are made on a connection not yet started. */
    private JmsTrial withConsumers(ConnectionFactory factory, Scenario scenario, TrialSetup setup,
                                   Deliveries deliveries) throws JMSException {
        if (!scenario.topic()) {
            vendor.prepareQueue(setup, QUEUE);
        }
        Connection consumers = factory.createConnection();
        JmsTrial trial = new JmsTrial(profile, consumers);
        try {
            if (scenario.topic()) {
                consumers.setClientID(CLIENT_ID);
            }
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
            return trial;
        } catch (JMSException | RuntimeException e) {
            trial.close();
            throw e;
        }
    }

    private Destination destination(Session session, Scenario scenario, TrialSetup setup) throws JMSException {
        return scenario.topic() ? session.createTopic(vendor.destinationName(setup, TOPIC))
                : session.createQueue(vendor.destinationName(setup, QUEUE));
    }
}
