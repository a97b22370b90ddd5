package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.Subscription;

class TopicRoutesIT extends HakeRouteTestSupport {

    @Test
    void everySubscriptionNameGetsACopy() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("hake:topic:orders");
                from("hake:topic:orders?subscriptionName=billing").to("mock:billing");
                from("hake:topic:orders?subscriptionName=shipping").to("mock:shipping");
            }
        });
        List<String> bodies = IntStream.range(0, 5).mapToObj(i -> "order " + i).toList();
        getMockEndpoint("mock:billing").expectedBodiesReceivedInAnyOrder(bodies);
        getMockEndpoint("mock:shipping").expectedBodiesReceivedInAnyOrder(bodies);
        getMockEndpoint("mock:shipping").expectedHeaderReceived(HakeConstants.DESTINATION, "topic:orders");

        bodies.forEach(b -> template.sendBody("direct:publish", b));

        MockEndpoint.assertIsSatisfied(context);
        // The queue JMS createSharedDurableConsumer(topic, "billing") uses, without a client ID.
        String billingQueue = new ResourceNames(prefix).sharedDurableSubscriptionQueue(null, "billing", false);
        assertThat(aws.queueUrls(billingQueue)).hasSize(1);
    }

    @Test
    void consumersOfOneSubscriptionNameCompete() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("hake:topic:events");
                from("hake:topic:events?subscriptionName=workers&receiveBatchSize=1").to("mock:a").to("mock:all");
                from("hake:topic:events?subscriptionName=workers&receiveBatchSize=1").to("mock:b").to("mock:all");
            }
        });
        List<String> bodies = IntStream.range(0, 20).mapToObj(i -> "event " + i).toList();
        MockEndpoint all = getMockEndpoint("mock:all");
        all.expectedBodiesReceivedInAnyOrder(bodies);

        bodies.forEach(b -> template.sendBody("direct:publish", b));

        all.assertIsSatisfied();
        // Each message went to one of the two, once (mock:all is last, so a and b have counted it).
        assertThat(getMockEndpoint("mock:a").getReceivedCounter() + getMockEndpoint("mock:b").getReceivedCounter())
                .isEqualTo(bodies.size());
        assertThat(aws.queueUrls(prefix)).hasSize(1);
    }

    @Test
    void selectorFiltersInTheClientAndPushesAPolicyToSns() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:publish").to("hake:topic:trades");
                from("hake:topic:trades?subscriptionName=eu&selector=region = 'EU' AND amount > 100")
                        .to("mock:eu");
                from("hake:topic:trades?subscriptionName=all").to("mock:all");
            }
        });
        getMockEndpoint("mock:eu").expectedBodiesReceivedInAnyOrder("eu-big", "eu-big-2");
        getMockEndpoint("mock:all").expectedMessageCount(5);

        send("eu-big", "EU", 500);
        send("eu-small", "EU", 50);
        send("us-big", "US", 500);
        send("eu-big-2", "EU", 101);
        send("no-region", null, 500);

        MockEndpoint.assertIsSatisfied(context);
        String topicArn = aws.topicArns(prefix + "trades").get(0);
        List<String> policies = new ArrayList<>();
        for (Subscription s : aws.subscriptions(topicArn)) {
            String policy = aws.subscriptionAttributes(s.subscriptionArn()).get("FilterPolicy");
            if (policy != null) {
                policies.add(policy);
            }
        }
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).contains("region").contains("EU");
    }

    private void send(String body, String region, int amount) {
        template.send("direct:publish", (Exchange e) -> {
            e.getMessage().setBody(body);
            if (region != null) {
                e.getMessage().setHeader("region", region);
            }
            e.getMessage().setHeader("amount", amount);
        });
    }

    @Test
    void consumingATopicNeedsASubscriptionName() {
        assertThatThrownBy(() -> routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hake:topic:orders").to("mock:never");
            }
        })).isInstanceOf(FailedToStartRouteException.class).rootCause().hasMessageContaining("needs subscriptionName");
    }
}
