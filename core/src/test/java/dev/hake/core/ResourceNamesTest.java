package dev.hake.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    private final ResourceNames names = new ResourceNames("dev-");

    @Test
    void validNamesArePrefixedUnchanged() {
        assertThat(names.queue("orders")).isEqualTo("dev-orders");
        assertThat(names.topic("events.fifo")).isEqualTo("dev-events.fifo");
    }

    @Test
    void invalidCharactersAreReplacedAndHashed() {
        String q = names.queue("orders/eu.west");
        assertThat(q).matches("dev-orders_eu_west-[0-9a-f]{8}");
        // Distinct JMS names that sanitise alike still get distinct queues.
        assertThat(names.queue("orders_eu_west")).isEqualTo("dev-orders_eu_west");
        assertThat(q).isNotEqualTo(names.queue("orders.eu/west"));
    }

    @Test
    void longNamesAreShortenedStably() {
        String longName = "x".repeat(200);
        String q = names.queue(longName);
        assertThat(q).hasSize(80).isEqualTo(names.queue(longName));
        String fifo = names.queue(longName + ".fifo");
        assertThat(fifo).hasSize(80).endsWith(".fifo");
    }

    @Test
    void durableSubscriptionQueueDependsOnClientAndNameWithoutAmbiguity() {
        String a = names.durableSubscriptionQueue("app", "billing", false);
        assertThat(a).matches("dev-d-app_billing-[0-9a-f]{8}").isEqualTo(names.durableSubscriptionQueue("app", "billing", false));
        assertThat(names.durableSubscriptionQueue("app", "billing", true)).matches("dev-d-app_billing-[0-9a-f]{8}\\.fifo");
        assertThat(names.durableSubscriptionQueue("other", "billing", false)).isNotEqualTo(a);
        // The client ID / name boundary is part of the identity.
        assertThat(names.durableSubscriptionQueue("app_billing", "x", false))
                .isNotEqualTo(names.durableSubscriptionQueue("app", "billing_x", false));
    }

    @Test
    void sharedSubscriptionQueuesAreNamedByKind() {
        assertThat(names.sharedDurableSubscriptionQueue(null, "billing", false)).isEqualTo("dev-sd-billing");
        assertThat(names.sharedDurableSubscriptionQueue("app", "billing", false)).matches("dev-sd-app_billing-[0-9a-f]{8}");
        assertThat(names.sharedSubscriptionQueue(null, "billing", false)).isEqualTo("dev-sn-billing");
    }

    @Test
    void nonDurableQueuesAreUniqueAndValid() {
        String a = names.nonDurableSubscriptionQueue("events", false);
        String b = names.nonDurableSubscriptionQueue("events", false);
        assertThat(a).isNotEqualTo(b).matches("dev-nd-events-[0-9a-f]{16}");
        assertThat(names.nonDurableSubscriptionQueue("e".repeat(100) + ".fifo", true)).hasSize(80).endsWith(".fifo");
    }
}
