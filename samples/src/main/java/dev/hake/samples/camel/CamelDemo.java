package dev.hake.samples.camel;

import dev.hake.camel.HakeComponent;
import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Camel routes on hake, on the in-JVM embedded backend: a route publishes orders to a topic that
 * two subscriptions read (one through a selector), and a route answers a JMS client's request on
 * the client's temporary queue. Routes and JMS clients share one backend and one wire format.
 */
public final class CamelDemo {

    private static final String PREFIX = "camel-demo-";
    private static final long WAIT_SECONDS = 20;

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        System.out.println("hake Camel demo on the embedded SNS+SQS backend (no AWS account, no Docker)\n");
        CountDownLatch billed = new CountDownLatch(3);
        CountDownLatch audited = new CountDownLatch(2);

        CamelContext camel = new DefaultCamelContext();
        HakeComponent hake = camel.getComponent("hake", HakeComponent.class);
        hake.getConfiguration().setEmbedded(true);
        hake.getConfiguration().setPrefix(PREFIX);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:orders").to("hake:topic:orders");

                from("hake:topic:orders?subscriptionName=billing")
                        .process(e -> print("billing  got", e))
                        .process(e -> billed.countDown());

                from("hake:topic:orders?subscriptionName=eu-audit&selector=region = 'EU'")
                        .process(e -> print("eu-audit got", e))
                        .process(e -> audited.countDown());

                // Answers where the JMS requester asked, correlated the JMS way (reply's id = request's id).
                from("hake:queue:quotes")
                        .process(e -> print("quotes   got", e))
                        .setBody(simple("price of ${body}: 42.00"))
                        .setHeader("HakeCorrelationId", header("HakeMessageId"))
                        .toD("hake:${header.HakeReplyTo}");
            }
        });
        camel.start();

        System.out.println("1. A route publishes 3 orders to topic 'orders'; subscription 'billing' takes all,");
        System.out.println("   'eu-audit' only those with region = 'EU' (an SNS filter policy plus the exact selector)");
        ProducerTemplate template = camel.createProducerTemplate();
        String[][] orders = {{"order #1", "EU"}, {"order #2", "US"}, {"order #3", "EU"}};
        for (String[] order : orders) {
            template.sendBodyAndHeader("direct:orders", order[0], "region", order[1]);
        }
        await(billed, "billing");
        await(audited, "eu-audit");

        System.out.println("\n2. A JMS client asks queue 'quotes' and waits on its temporary queue; a route answers");
        try (Connection connection = new HakeConnectionFactory("hake:embedded?prefix=" + PREFIX).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            TextMessage request = session.createTextMessage("ACME");
            request.setJMSReplyTo(replies);
            session.createProducer(session.createQueue("quotes")).send(request);
            System.out.println("   JMS client sent: " + request.getText());
            TextMessage reply = (TextMessage) answers.receive(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            if (reply == null) {
                throw new IllegalStateException("no reply within " + WAIT_SECONDS + " s");
            }
            System.out.println("   JMS client got:  " + reply.getText() + " [correlated: "
                    + reply.getJMSCorrelationID().equals(request.getJMSMessageID()) + "]");
        }

        camel.stop();
        System.out.printf("%ndone in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    private static void print(String what, Exchange e) {
        System.out.println("   " + what + ": " + e.getMessage().getBody(String.class)
                + headerText(e, "region") + " (delivery " + e.getMessage().getHeader("HakeDeliveryCount") + ")");
    }

    private static String headerText(Exchange e, String name) {
        Object value = e.getMessage().getHeader(name);
        return value == null ? "" : " [" + name + "=" + value + "]";
    }

    private static void await(CountDownLatch latch, String who) throws InterruptedException {
        if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(who + " did not get its orders within " + WAIT_SECONDS + " s");
        }
    }
}
