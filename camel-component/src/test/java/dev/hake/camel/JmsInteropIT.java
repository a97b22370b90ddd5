package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JMS clients and Camel routes on the same destinations read each other's messages as sent. */
class JmsInteropIT extends HakeRouteTestSupport {

    private Connection connection;
    private Session session;

    @BeforeEach
    void openJms() throws Exception {
        connection = new HakeConnectionFactory(backend.hakeUri("prefix=" + prefix)).createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void closeJms() throws Exception {
        // Runs before the base class deletes what the test made.
        connection.close();
    }

    @Test
    void jmsTextMessageReachesARouteWithBodyHeadersAndProperties() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hake:queue:from-jms").to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedBodiesReceived("from JMS");

        TextMessage sent = session.createTextMessage("from JMS");
        sent.setIntProperty("count", 3);
        sent.setLongProperty("big", 9_000_000_000L);
        sent.setDoubleProperty("ratio", 0.25);
        sent.setFloatProperty("f", 1.5f);
        sent.setShortProperty("s", (short) 7);
        sent.setByteProperty("b", (byte) -2);
        sent.setBooleanProperty("ok", true);
        sent.setStringProperty("who", "jms");
        sent.setStringProperty("JMSXGroupID", "group-1");
        sent.setJMSCorrelationID("corr-9");
        sent.setJMSType("greeting");
        sent.setJMSReplyTo(session.createQueue("replies"));
        MessageProducer producer = session.createProducer(session.createQueue("from-jms"));
        producer.send(sent, DeliveryMode.NON_PERSISTENT, 6, 0);

        out.assertIsSatisfied();
        org.apache.camel.Message received = out.getExchanges().get(0).getMessage();
        assertThat(received.getHeaders()).contains(
                Map.entry("count", 3), Map.entry("big", 9_000_000_000L), Map.entry("ratio", 0.25),
                Map.entry("f", 1.5f), Map.entry("s", (short) 7), Map.entry("b", (byte) -2), Map.entry("ok", true),
                Map.entry("who", "jms"), Map.entry("JMSXGroupID", "group-1"),
                Map.entry(HakeConstants.GROUP_ID, "group-1"),
                Map.entry(HakeConstants.MESSAGE_ID, sent.getJMSMessageID()),
                Map.entry(HakeConstants.TIMESTAMP, sent.getJMSTimestamp()),
                Map.entry(HakeConstants.CORRELATION_ID, "corr-9"), Map.entry(HakeConstants.TYPE, "greeting"),
                Map.entry(HakeConstants.REPLY_TO, "queue:replies"), Map.entry(HakeConstants.PRIORITY, 6),
                Map.entry(HakeConstants.DELIVERY_MODE, "NON_PERSISTENT"),
                Map.entry(HakeConstants.DESTINATION, "queue:from-jms"), Map.entry(HakeConstants.DELIVERY_COUNT, 1));
    }

    @Test
    void jmsBytesAndMapMessagesArriveAsByteArrayAndMap() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hake:queue:typed").to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(2);

        MessageProducer producer = session.createProducer(session.createQueue("typed"));
        BytesMessage bytes = session.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        producer.send(bytes);
        MapMessage map = session.createMapMessage();
        map.setString("name", "hake");
        map.setInt("size", 42);
        producer.send(map);

        out.assertIsSatisfied();
        Map<Object, Object> byKind = new java.util.HashMap<>();
        out.getExchanges().forEach(e -> byKind.put(e.getMessage().getHeader(HakeConstants.BODY_KIND),
                e.getMessage().getBody()));
        assertThat(byKind.get("BYTES")).isEqualTo(new byte[] {1, 2, 3});
        assertThat(byKind.get("MAP")).isEqualTo(Map.of("name", "hake", "size", 42));
    }

    @Test
    void routeMessagesReachJmsWithBodyHeaderFieldsAndProperties() throws Exception {
        Queue queue = session.createQueue("to-jms");
        MessageConsumer consumer = session.createConsumer(queue);

        Exchange text = template.send("hake:queue:to-jms", e -> {
            e.getMessage().setBody("from Camel");
            e.getMessage().setHeader("count", 3);
            e.getMessage().setHeader("ratio", 0.25);
            e.getMessage().setHeader("who", "camel");
            e.getMessage().setHeader(HakeConstants.CORRELATION_ID, "corr-7");
            e.getMessage().setHeader(HakeConstants.TYPE, "reply");
            e.getMessage().setHeader(HakeConstants.REPLY_TO, "topic:answers");
            e.getMessage().setHeader(HakeConstants.PRIORITY, 8);
            e.getMessage().setHeader(HakeConstants.DELIVERY_MODE, "NON_PERSISTENT");
        });
        template.sendBody("hake:queue:to-jms", new byte[] {4, 5, 6});

        List<Message> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message m = consumer.receive(1_000);
            if (m != null) {
                received.add(m);
            }
            return received.size() == 2;
        });
        TextMessage t = (TextMessage) received.stream().filter(m -> m instanceof TextMessage).findFirst().orElseThrow();
        assertThat(t.getText()).isEqualTo("from Camel");
        assertThat(t.getIntProperty("count")).isEqualTo(3);
        assertThat(t.getObjectProperty("ratio")).isEqualTo(0.25);
        assertThat(t.getStringProperty("who")).isEqualTo("camel");
        assertThat(t.getJMSMessageID()).isEqualTo(text.getMessage().getHeader(HakeConstants.MESSAGE_ID));
        assertThat(t.getJMSCorrelationID()).isEqualTo("corr-7");
        assertThat(t.getJMSType()).isEqualTo("reply");
        assertThat(((Topic) t.getJMSReplyTo()).getTopicName()).isEqualTo("answers");
        assertThat(t.getJMSPriority()).isEqualTo(8);
        assertThat(t.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(((Queue) t.getJMSDestination()).getQueueName()).isEqualTo("to-jms");
        assertThat(t.getJMSTimestamp()).isPositive();
        BytesMessage b = (BytesMessage) received.stream().filter(m -> m instanceof BytesMessage).findFirst()
                .orElseThrow();
        assertThat(b.getBody(byte[].class)).isEqualTo(new byte[] {4, 5, 6});
    }

    @Test
    void routeRepliesToAJmsRequesterOnItsTemporaryQueue() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hake:queue:quotes")
                        .setBody(simple("quote for ${body}"))
                        .setHeader(HakeConstants.CORRELATION_ID, header(HakeConstants.MESSAGE_ID))
                        .toD("hake:${header.HakeReplyTo}");
            }
        });
        TemporaryQueue replies = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(replies);
        TextMessage request = session.createTextMessage("ACME");
        request.setJMSReplyTo(replies);

        session.createProducer(session.createQueue("quotes")).send(request);

        TextMessage reply = (TextMessage) consumer.receive(30_000);
        assertThat(reply).isNotNull();
        assertThat(reply.getText()).isEqualTo("quote for ACME");
        assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jmsAndCamelConsumersOfOneSharedSubscriptionCompete() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hake:topic:audit-events?subscriptionName=audit&receiveBatchSize=1").to("mock:camel");
            }
        });
        Topic topic = session.createTopic("audit-events");
        List<String> jms = new CopyOnWriteArrayList<>();
        session.createSharedDurableConsumer(topic, "audit")
                .setMessageListener(m -> jms.add(text(m)));
        List<String> bodies = IntStream.range(0, 30).mapToObj(i -> "audit " + i).toList();

        bodies.forEach(b -> template.sendBody("hake:topic:audit-events", b));

        MockEndpoint camel = getMockEndpoint("mock:camel");
        await().atMost(Duration.ofSeconds(30)).until(() -> jms.size() + camel.getReceivedCounter() >= bodies.size());
        List<String> all = new ArrayList<>(jms);
        camel.getExchanges().forEach(e -> all.add(e.getMessage().getBody(String.class)));
        assertThat(all).containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(new HashSet<>(all)).hasSize(bodies.size());
    }

    @Test
    void aJmsConsumerWithAnotherSelectorOnARoutesSubscriptionIsRefusedAndTheRouteKeepsIt() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hake:topic:audit-events?subscriptionName=audit&selector=region = 'eu'").to("mock:camel");
            }
        });
        Topic topic = session.createTopic("audit-events");

        assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, "audit", "region = 'us'"))
                .isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessageContaining("'audit'").hasMessageContaining("selector");

        // Refused before it touched AWS: the route's subscription still has its filter and its messages.
        MockEndpoint camel = getMockEndpoint("mock:camel");
        camel.expectedBodiesReceived("for eu");
        template.sendBodyAndHeader("hake:topic:audit-events", "for us", "region", "us");
        template.sendBodyAndHeader("hake:topic:audit-events", "for eu", "region", "eu");
        camel.setResultWaitTime(30_000);
        camel.assertIsSatisfied();
    }

    @Test
    void aRouteWithAnotherSelectorOnAJmsConsumersSubscriptionDoesNotStart() throws Exception {
        Topic topic = session.createTopic("audit-events");
        List<String> jms = new CopyOnWriteArrayList<>();
        session.createSharedDurableConsumer(topic, "audit", "region = 'eu'").setMessageListener(m -> jms.add(text(m)));

        assertThatThrownBy(() -> routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hake:topic:audit-events?subscriptionName=audit&selector=region = 'us'").to("mock:camel");
            }
        })).hasStackTraceContaining("'audit'").hasStackTraceContaining("selector");

        template.sendBodyAndHeader("hake:topic:audit-events", "for eu", "region", "eu");
        await().atMost(Duration.ofSeconds(30)).until(() -> jms.contains("for eu"));
    }
}
