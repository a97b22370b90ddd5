package dev.hake.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionClaimsTest {

    private final String key = "test|" + UUID.randomUUID();
    private final SubscriptionIdentity eu = new SubscriptionIdentity("trades", "region = 'EU'", false);

    @Test
    void sharedConsumersWithTheSameIdentityJoinAndTheLastReleaseSaysSo() {
        SubscriptionClaim first = SubscriptionClaims.claim(key, eu, true, "shared subscription 'eu'");
        SubscriptionClaim second = SubscriptionClaims.claim(key, eu, true, "shared subscription 'eu'");

        assertThat(first.release()).isFalse();
        assertThat(SubscriptionClaims.isClaimed(key)).isTrue();
        assertThat(first.release()).as("a second release of one claim does nothing").isFalse();
        assertThat(second.release()).isTrue();
        assertThat(SubscriptionClaims.isClaimed(key)).isFalse();
    }

    @Test
    void anotherSelectorTopicOrNoLocalIsRefusedAndNamesTheSubscription() {
        SubscriptionClaim held = SubscriptionClaims.claim(key, eu, true, "shared subscription 'eu'");
        try {
            for (SubscriptionIdentity other : new SubscriptionIdentity[] {
                    new SubscriptionIdentity("trades", "region = 'US'", false),
                    new SubscriptionIdentity("orders", "region = 'EU'", false),
                    new SubscriptionIdentity("trades", "region = 'EU'", true),
                    new SubscriptionIdentity("trades", null, false)}) {
                assertThatThrownBy(() -> SubscriptionClaims.claim(key, other, true, "shared subscription 'eu'"))
                        .isInstanceOf(SubscriptionInUseException.class)
                        .hasMessageContaining("shared subscription 'eu'").hasMessageContaining("selector");
            }
        } finally {
            assertThat(held.release()).as("refusals took no share of the claim").isTrue();
        }
    }

    @Test
    void anUnsharedSubscriptionAdmitsOneConsumer() {
        SubscriptionClaim held = SubscriptionClaims.claim(key, eu, false, "durable subscription 'eu'");
        try {
            assertThatThrownBy(() -> SubscriptionClaims.claim(key, eu, false, "durable subscription 'eu'"))
                    .isInstanceOf(SubscriptionInUseException.class)
                    .hasMessageContaining("durable subscription 'eu' already has an active consumer");
        } finally {
            held.release();
        }
        SubscriptionClaims.claim(key, eu, false, "durable subscription 'eu'").release();
    }
}
