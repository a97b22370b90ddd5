package dev.hake.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.HakeSettings;
import java.net.URI;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoint URIs and options, without a backend: nothing here talks to AWS. */
class HakeComponentTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        HakeConfiguration component = context.getComponent("hake", HakeComponent.class).getConfiguration();
        component.setEndpoint("http://127.0.0.1:1");
        component.setAccessKeyId("AKIDEXAMPLE");
        component.setSecretAccessKey("do-not-print-me");
        component.setPrefix("unit-");
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private HakeEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, HakeEndpoint.class);
    }

    @Test
    void endpointTakesTheComponentsSettingsAndOverridesThem() {
        HakeSettings inherited = endpoint("hake:queue:jobs").settings();
        HakeSettings overridden = endpoint("hake:queue:jobs?prefix=other-&receiveBatchSize=5&region=eu-west-1"
                + "&trustedPackages=com.example, java.lang").settings();

        assertThat(inherited.endpoint()).contains(URI.create("http://127.0.0.1:1"));
        assertThat(inherited.prefix()).isEqualTo("unit-");
        assertThat(inherited.receiveBatchSize()).isEqualTo(10);
        assertThat(overridden.prefix()).isEqualTo("other-");
        assertThat(overridden.receiveBatchSize()).isEqualTo(5);
        assertThat(overridden.region()).contains("eu-west-1");
        assertThat(overridden.trustedPackages()).containsExactly("com.example", "java.lang");
        assertThat(overridden.accessKeyId()).contains("AKIDEXAMPLE");
    }

    @Test
    void pathNamesTheDestination() {
        HakeEndpoint queue = endpoint("hake:queue:orders.fifo");
        HakeEndpoint topic = endpoint("hake:topic:events");

        assertThat(queue.destination().isTopic()).isFalse();
        assertThat(queue.destination().isFifo()).isTrue();
        assertThat(queue.destination().name()).isEqualTo("orders.fifo");
        assertThat(topic.destination().isTopic()).isTrue();
    }

    @Test
    void wrongUrisFailNamingTheProblem() {
        assertRefused("hake:mailbox:x", "hake:queue:NAME or hake:topic:NAME");
        assertRefused("hake:queue:", "needs a destination name");
        assertRefused("hake:queue:x?noSuchOption=1", "noSuchOption");
        assertRefused("hake:queue:x?receiveBatchSize=11", "receiveBatchSize");
        assertRefused("hake:queue:x?prefix=bad%20prefix", "prefix");
        assertRefused("hake:queue:x?selector=a ===", "selector");
        assertRefused("hake:queue:x?deadLetterQueue=dlq", "must be set together");
        assertRefused("hake:queue:x?subscriptionName=s", "subscriptionName");
        assertRefused("hake:queue:x?concurrentConsumers=0", "concurrentConsumers");
        assertRefused("hake:queue:x?embedded=true", "embedded");
        assertRefused("hake:temp-queue:x?subscriptionName=s", "subscriptionName");
        assertRefused("hake:queue:x?largeMessageThreshold=1000", "need 'largeMessageBucket'");
        assertRefused("hake:queue:x?largeMessageBucket=Not_A_Bucket", "largeMessageBucket");
    }

    private void assertRefused(String uri, String reason) {
        assertThatThrownBy(() -> context.getEndpoint(uri)).isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(causes(e)).anyMatch(m -> m != null && m.contains(reason)));
    }

    private static List<String> causes(Throwable t) {
        java.util.ArrayList<String> messages = new java.util.ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.add(c.getMessage());
        }
        return messages;
    }

    @Test
    void endpointsWithTheSameSettingsShareOneSetOfClients() throws Exception {
        HakeEndpoint a = endpoint("hake:queue:a");
        HakeEndpoint b = endpoint("hake:topic:b");
        HakeEndpoint other = endpoint("hake:queue:c?prefix=other-");
        a.start();
        b.start();
        other.start();

        assertThat(a.services()).isSameAs(b.services());
        assertThat(other.services()).isNotSameAs(a.services());
        assertThat(a.services().core.aws()).isSameAs(b.services().core.aws());
    }

    @Test
    void credentialsAreNeverPrinted() {
        HakeEndpoint endpoint = endpoint("hake:queue:x?secretAccessKey=RAW(sec+ret)&sessionToken=tok");

        assertThat(endpoint.getConfiguration().getSecretAccessKey()).isEqualTo("sec+ret");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("sec+ret", "tok", "do-not-print-me");
        assertThat(endpoint.settings().toString()).doesNotContain("sec+ret", "tok");
        // Camel masks secret options wherever it prints an endpoint URI.
        assertThat(org.apache.camel.util.URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain("sec+ret");
    }

    @Test
    void anAssumedRoleIsAConnectionSettingWhoseExternalIdIsNeverPrinted() {
        HakeEndpoint endpoint = endpoint("hake:queue:x?roleArn=arn:aws:iam::123456789012:role/orders"
                + "&roleExternalId=RAW(ext-secret)&roleSessionName=billing");

        HakeSettings settings = endpoint.settings();
        assertThat(settings.roleArn()).contains("arn:aws:iam::123456789012:role/orders");
        assertThat(settings.roleExternalId()).contains("ext-secret");
        assertThat(settings.roleSessionName()).isEqualTo("billing");
        assertThat(settings.toString()).doesNotContain("ext-secret");
        assertThatThrownBy(() -> endpoint("hake:queue:y?roleArn=orders").settings())
                .hasMessageContaining("option 'roleArn' must be an IAM role ARN");
    }

    @Test
    void theLargeMessageOptionsAreConnectionSettingsAnEndpointCanOverride() {
        context.getComponent("hake", HakeComponent.class).getConfiguration().setLargeMessageBucket("orders-large");
        HakeSettings inherited = endpoint("hake:queue:big").settings();
        HakeSettings overridden = endpoint("hake:queue:big?largeMessageBucket=audit-large&largeMessageThreshold=200000"
                + "&largeMessageAlwaysThroughS3=true&largeMessageDeleteOnAcknowledge=false").settings();

        assertThat(inherited.largeMessageBucket()).contains("orders-large");
        assertThat(inherited.largeMessageThreshold()).isZero();
        assertThat(inherited.largeMessageAlwaysThroughS3()).isFalse();
        assertThat(inherited.largeMessageDeleteOnAcknowledge()).isTrue();
        assertThat(overridden.largeMessageBucket()).contains("audit-large");
        assertThat(overridden.largeMessageThreshold()).isEqualTo(200_000);
        assertThat(overridden.largeMessageAlwaysThroughS3()).isTrue();
        assertThat(overridden.largeMessageDeleteOnAcknowledge()).isFalse();
    }
}
