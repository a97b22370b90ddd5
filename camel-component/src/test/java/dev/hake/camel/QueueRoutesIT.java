package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.MessageTooLargeException;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

class QueueRoutesIT extends HakeRouteTestSupport {

    private void queueToMock(String queue) throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("hake:queue:" + queue);
                from("hake:queue:" + queue).to("mock:out");
            }
        });
    }

    @Test
    void textRoundTripKeepsBodyHeaderFieldsAndProperties() throws Exception {
        queueToMock("jobs");
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedBodiesReceived("hello");

        Map<String, Object> headers = new HashMap<>();
        headers.put("orderId", 42);
        headers.put("total", 1234567890123L);
        headers.put("amount", 12.5);
        headers.put("express", true);
        headers.put("region", "EU");
        headers.put("CamelFileName", "dropped: Camel's own header");
        headers.put("not-an-identifier", "dropped: no property name");
        headers.put("JMSType", "dropped: a JMS header name");
        headers.put(HakeConstants.CORRELATION_ID, "corr-1");
        headers.put(HakeConstants.TYPE, "order");
        headers.put(HakeConstants.REPLY_TO, "queue:replies");
        headers.put(HakeConstants.PRIORITY, 7);
        Exchange sent = template.send("direct:in", e -> {
            e.getMessage().setBody("hello");
            e.getMessage().setHeaders(headers);
        });

        out.assertIsSatisfied();
        assertThat(sent.getException()).isNull();
        Message received = out.getExchanges().get(0).getMessage();
        assertThat(received.getHeaders()).contains(
                Map.entry("orderId", 42), Map.entry("total", 1234567890123L), Map.entry("amount", 12.5),
                Map.entry("express", true), Map.entry("region", "EU"),
                Map.entry(HakeConstants.CORRELATION_ID, "corr-1"), Map.entry(HakeConstants.TYPE, "order"),
                Map.entry(HakeConstants.REPLY_TO, "queue:replies"), Map.entry(HakeConstants.PRIORITY, 7),
                Map.entry(HakeConstants.DESTINATION, "queue:jobs"), Map.entry(HakeConstants.DELIVERY_COUNT, 1),
                Map.entry(HakeConstants.REDELIVERED, false), Map.entry(HakeConstants.BODY_KIND, "TEXT"),
                Map.entry(HakeConstants.DELIVERY_MODE, "PERSISTENT"));
        assertThat(received.getHeaders()).doesNotContainKeys("CamelFileName", "not-an-identifier", "JMSType");
        assertThat(received.getHeader(HakeConstants.MESSAGE_ID, String.class))
                .startsWith("ID:")
                .isEqualTo(sent.getMessage().getHeader(HakeConstants.MESSAGE_ID))
                .isEqualTo(received.getMessageId());
        assertThat(received.getHeader(HakeConstants.TIMESTAMP, Long.class)).isPositive();
    }

    @Test
    void bytesAndStreamsTravelAsBytesOtherTypesAsText() throws Exception {
        queueToMock("bodies");
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(3);

        byte[] bytes = {0, 1, 2, (byte) 0xFF};
        template.sendBodyAndHeader("direct:in", bytes, "n", 1);
        template.sendBodyAndHeader("direct:in", new ByteArrayInputStream(new byte[] {9, 8}), "n", 2);
        template.sendBodyAndHeader("direct:in", 4711, "n", 3);

        out.assertIsSatisfied();
        Map<Integer, Message> byN = new HashMap<>();
        out.getExchanges().forEach(e -> byN.put(e.getMessage().getHeader("n", Integer.class), e.getMessage()));
        assertThat(byN.get(1).getBody()).isEqualTo(bytes);
        assertThat(byN.get(1).getHeader(HakeConstants.BODY_KIND)).isEqualTo("BYTES");
        assertThat(byN.get(2).getBody()).isEqualTo(new byte[] {9, 8});
        assertThat(byN.get(3).getBody()).isEqualTo("4711");
        assertThat(byN.get(3).getHeader(HakeConstants.BODY_KIND)).isEqualTo("TEXT");
    }

    @Test
    void oversizeMessageFailsItsExchangeWithTheReason() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("direct:in").to("hake:queue:big");
            }
        });

        Exchange sent = template.send("direct:in", e -> e.getMessage().setBody("x".repeat(1_100_000)));

        assertThat(sent.getException()).isInstanceOf(MessageTooLargeException.class)
                .hasMessageContaining("over the SQS limit of 1048576 bytes").hasMessageContaining("largeMessageBucket")
                .hasMessageContaining("nothing was sent");
        // Checked before anything else: not even the queue was created.
        assertThat(aws.queueUrls(prefix + "big")).isEmpty();
    }

    @Test
    void concurrentExchangesAreSentInBatches() throws Exception {
        int count = 200;
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:burst").split(body()).parallelProcessing().to("hake:queue:burst");
                from("hake:queue:burst?concurrentConsumers=2").to("mock:out");
            }
        });
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(count);
        List<String> bodies = IntStream.range(0, count).mapToObj(i -> "m" + i).toList();

        template.sendBody("direct:burst", bodies);

        out.assertIsSatisfied();
        assertThat(out.getExchanges()).extracting(e -> e.getMessage().getBody(String.class))
                .containsExactlyInAnyOrderElementsOf(bodies);
        List<RequestCounter.Call> sends = RequestCounter.calls("SendMessage", prefix + "burst");
        List<RequestCounter.Call> batches = RequestCounter.calls("SendMessageBatch", prefix + "burst");
        int requests = sends.size() + batches.size();
        assertThat(sends.size() + batches.stream().mapToInt(RequestCounter.Call::entries).sum()).isEqualTo(count);
        // Sends made while others are out share requests: far fewer requests than messages.
        assertThat(requests).isLessThan(count / 2);
        System.out.printf("[%s] %d concurrent exchanges: %d SendMessage + %d SendMessageBatch = %.2f send"
                        + " requests/message; %d ReceiveMessage, %d DeleteMessageBatch%n", backend.name(), count,
                sends.size(), batches.size(), requests / (double) count,
                RequestCounter.calls("ReceiveMessage", prefix + "burst").size(),
                RequestCounter.calls("DeleteMessageBatch", prefix + "burst").size());
    }
}
