package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Messaging 3.1, section 3.8 "Message selection": the selector language (comparisons,
 * arithmetic, AND/OR/NOT with three-valued logic, [NOT] IN, [NOT] LIKE with ESCAPE, [NOT]
 * BETWEEN, IS [NOT] NULL, header fields) on queues and on topics, messages that do not match
 * staying on a queue, and InvalidSelectorException for bad syntax.
 */
class SelectorsIT extends SpecTest {

    /**
     * Selector -> the messages (by id) it must select from those {@link #send} sends:
     * m1 red apple, size 5, weight 1.5, flag true, priority 4;
     * m2 blue banana, size 10, weight 2.5, flag false, NON_PERSISTENT;
     * m3 green "a_b%c", size 15, no weight, no flag, correlation id corr-3;
     * m4 no color, no size, name "it's", type "special", priority 9.
     */
    private static final Map<String, Set<String>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("color = 'red'", Set.of("m1"));
        CASES.put("color <> 'red'", Set.of("m2", "m3"));
        CASES.put("color IN ('red', 'blue')", Set.of("m1", "m2"));
        CASES.put("color NOT IN ('red', 'blue')", Set.of("m3"));
        CASES.put("name LIKE 'a%'", Set.of("m1", "m3"));
        CASES.put("name LIKE 'b_nana'", Set.of("m2"));
        CASES.put("name LIKE 'a!_b!%c' ESCAPE '!'", Set.of("m3"));
        CASES.put("name NOT LIKE 'a%'", Set.of("m2", "m4"));
        CASES.put("name = 'it''s'", Set.of("m4"));
        CASES.put("size BETWEEN 5 AND 10", Set.of("m1", "m2"));
        CASES.put("size NOT BETWEEN 5 AND 10", Set.of("m3"));
        CASES.put("weight IS NULL", Set.of("m3", "m4"));
        CASES.put("weight IS NOT NULL", Set.of("m1", "m2"));
        CASES.put("flag = TRUE", Set.of("m1"));
        CASES.put("NOT flag", Set.of("m2"));
        CASES.put("size * 2 > 15 AND weight < 3", Set.of("m2"));
        CASES.put("NOT (size > 7)", Set.of("m1"));
        CASES.put("size > 100 OR color = 'red'", Set.of("m1"));
        CASES.put("color = 'red' OR weight IS NULL", Set.of("m1", "m3", "m4"));
        CASES.put("size = 5.0", Set.of("m1"));
        CASES.put("(size + 1) / 2 = 3", Set.of("m1"));
        CASES.put("-size < -12", Set.of("m3"));
        CASES.put("weight > 2.0E0", Set.of("m2"));
        CASES.put("JMSType = 'special'", Set.of("m4"));
        CASES.put("JMSPriority > 6", Set.of("m4"));
        CASES.put("JMSDeliveryMode = 'NON_PERSISTENT'", Set.of("m2"));
        CASES.put("JMSDeliveryMode = 'PERSISTENT'", Set.of("m1", "m3", "m4"));
        CASES.put("JMSCorrelationID = 'corr-3'", Set.of("m3"));
        CASES.put("id = 'm4' AND JMSTimestamp > 0", Set.of("m4"));
        CASES.put("missing = 'x' OR TRUE", Set.of("m1", "m2", "m3", "m4"));
    }

    private Connection connection;
    private Session session;

    @BeforeEach
    void open() throws JMSException {
        connection = startedConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** Sends m1 to m4 (see {@link #CASES}) to each destination. */
    private void send(List<? extends Destination> destinations) throws JMSException {
        MessageProducer producer = session.createProducer(null);
        for (Destination d : destinations) {
            Message m1 = message("m1");
            m1.setStringProperty("color", "red");
            m1.setStringProperty("name", "apple");
            m1.setIntProperty("size", 5);
            m1.setDoubleProperty("weight", 1.5);
            m1.setBooleanProperty("flag", true);
            producer.send(d, m1);

            Message m2 = message("m2");
            m2.setStringProperty("color", "blue");
            m2.setStringProperty("name", "banana");
            m2.setLongProperty("size", 10);
            m2.setFloatProperty("weight", 2.5f);
            m2.setBooleanProperty("flag", false);
            producer.send(d, m2, DeliveryMode.NON_PERSISTENT, 4, 0);

            Message m3 = message("m3");
            m3.setStringProperty("color", "green");
            m3.setStringProperty("name", "a_b%c");
            m3.setShortProperty("size", (short) 15);
            m3.setJMSCorrelationID("corr-3");
            producer.send(d, m3);

            Message m4 = message("m4");
            m4.setStringProperty("name", "it's");
            m4.setJMSType("special");
            producer.send(d, m4, DeliveryMode.PERSISTENT, 9, 0);
        }
    }

    private Message message(String id) throws JMSException {
        Message m = session.createTextMessage(id);
        m.setStringProperty("id", id);
        return m;
    }

    /**
     * Starts a listener per consumer, waits until each has what it must get and then for a quiet
     * second, and checks that each got exactly that.
     */
    private void assertEachGetsExactly(Map<MessageConsumer, String> selectorOf) throws Exception {
        Map<String, Set<String>> got = new ConcurrentHashMap<>();
        for (Map.Entry<MessageConsumer, String> e : selectorOf.entrySet()) {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            got.put(e.getValue(), ids);
            e.getKey().setMessageListener(m -> {
                try {
                    ids.add(m.getStringProperty("id"));
                } catch (JMSException ex) {
                    throw new AssertionError(ex);
                }
            });
        }
        await().atMost(Duration.ofMillis(WAIT))
                .until(() -> CASES.keySet().stream().allMatch(s -> got.get(s).containsAll(CASES.get(s))));
        await().during(Duration.ofMillis(QUIET)).atMost(Duration.ofMillis(WAIT))
                .until(() -> CASES.keySet().stream().allMatch(s -> got.get(s).size() == CASES.get(s).size()));
        for (String selector : CASES.keySet()) {
            assertThat(got.get(selector)).as(selector).containsExactlyInAnyOrderElementsOf(CASES.get(selector));
        }
    }

    @Test
    void topicSubscribersGetOnlyWhatTheirSelectorsSelect() throws Exception {
        Topic topic = session.createTopic("selected");
        Map<MessageConsumer, String> selectorOf = new LinkedHashMap<>();
        for (String selector : CASES.keySet()) {
            selectorOf.put(connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(topic, selector), selector);
        }

        send(List.of(topic));

        assertEachGetsExactly(selectorOf);
    }

    @Test
    void queueConsumersGetOnlyWhatTheirSelectorsSelect() throws Exception {
        Map<MessageConsumer, String> selectorOf = new LinkedHashMap<>();
        List<Queue> queues = new ArrayList<>();
        int i = 0;
        for (String selector : CASES.keySet()) {
            Queue queue = session.createQueue("selected-" + i++);
            queues.add(queue);
            selectorOf.put(connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue, selector), selector);
        }

        send(queues);

        assertEachGetsExactly(selectorOf);
    }

    @Test
    void messagesAQueueSelectorDoesNotSelectStayForOtherConsumers() throws Exception {
        Queue queue = session.createQueue("leftovers");
        send(List.of(queue));

        MessageConsumer reds = session.createConsumer(queue, "color = 'red'");
        assertThat(reds.receive(WAIT).getStringProperty("id")).isEqualTo("m1");
        assertNothingMore(reds);
        reds.close();

        MessageConsumer rest = session.createConsumer(queue);
        List<String> ids = new ArrayList<>();
        for (Message m : receive(rest, 3)) {
            ids.add(m.getStringProperty("id"));
        }
        assertThat(ids).containsExactlyInAnyOrder("m2", "m3", "m4");
        assertNothingMore(rest);
    }

    @Test
    void aQueueBrowserWithASelectorShowsOnlyMatchingMessages() throws Exception {
        Queue queue = session.createQueue("browsed");
        send(List.of(queue));

        List<String> browsed = new ArrayList<>();
        var enumeration = session.createBrowser(queue, "size BETWEEN 5 AND 10").getEnumeration();
        await().atMost(Duration.ofMillis(WAIT)).until(() -> {
            while (enumeration.hasMoreElements()) {
                browsed.add(((Message) enumeration.nextElement()).getStringProperty("id"));
            }
            return browsed.size() >= 2;
        });
        assertThat(browsed).containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void badSyntaxIsAnInvalidSelectorException() throws Exception {
        Queue queue = session.createQueue("bad");
        Topic topic = session.createTopic("bad");
        String[] invalid = {
            "color =",
            "color = 'red",
            "size > > 3",
            "(size > 3",
            "size BETWEEN 1",
            "color IN ()",
            "color IN (1, 2)",
            "name LIKE 5",
            "name LIKE 'a' ESCAPE 'too long'",
            "AND",
            "color == 'red'",
            "size IS 3",
            "3",
            "'just a string'",
            "color = 'red' garbage",
        };
        for (String selector : invalid) {
            assertThatThrownBy(() -> session.createConsumer(queue, selector)).as(selector)
                    .isInstanceOf(InvalidSelectorException.class);
            assertThatThrownBy(() -> session.createConsumer(topic, selector)).as(selector)
                    .isInstanceOf(InvalidSelectorException.class);
        }
        assertThatThrownBy(() -> session.createBrowser(queue, "color =")).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> session.createSharedConsumer(topic, "s", "color =")).isInstanceOf(InvalidSelectorException.class);
        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "s", "color ="))
                .isInstanceOf(InvalidSelectorException.class);
        Connection withId = connection();
        withId.setClientID(clientId("bad-selector"));
        Session durableSession = withId.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> durableSession.createDurableConsumer(topic, "d", "color =", false))
                .isInstanceOf(InvalidSelectorException.class);

        JMSContext context = context();
        assertThatThrownBy(() -> context.createConsumer(queue, "color =")).isInstanceOf(InvalidSelectorRuntimeException.class);
    }
}
