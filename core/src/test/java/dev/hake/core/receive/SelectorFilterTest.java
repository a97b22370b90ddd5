package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.BodyKind;
import dev.hake.core.WireMessage;
import dev.hake.core.receive.MessageFilter.Verdict;
import dev.hake.core.selector.Selector;
import org.junit.jupiter.api.Test;

class SelectorFilterTest {

    private static WireMessage message(String region, String origin) {
        WireMessage m = new WireMessage(BodyKind.TEXT);
        m.text("hello");
        m.properties().put("region", region);
        m.origin(origin);
        return m;
    }

    private final Selector eu = Selector.parse("region = 'EU'");

    @Test
    void onAQueueARejectedMessageIsLeftForOtherConsumers() {
        MessageFilter filter = SelectorFilter.forQueue(eu);

        assertThat(filter.verdict(message("EU", "c1"))).isEqualTo(Verdict.DELIVER);
        assertThat(filter.verdict(message("US", "c1"))).isEqualTo(Verdict.SKIP);
    }

    @Test
    void onASubscriptionARejectedMessageIsNotPartOfItAndIsDiscarded() {
        MessageFilter filter = SelectorFilter.forSubscription(eu, null);

        assertThat(filter.verdict(message("EU", "c1"))).isEqualTo(Verdict.DELIVER);
        assertThat(filter.verdict(message("US", "c1"))).isEqualTo(Verdict.DISCARD);
    }

    @Test
    void noLocalDiscardsTheConsumersOwnMessagesEvenWhenTheSelectorMatches() {
        MessageFilter filter = SelectorFilter.forSubscription(eu, "c1");

        assertThat(filter.verdict(message("EU", "c1"))).isEqualTo(Verdict.DISCARD);
        assertThat(filter.verdict(message("EU", "c2"))).isEqualTo(Verdict.DELIVER);
        assertThat(SelectorFilter.forSubscription(null, "c1").verdict(message("US", "c2"))).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void withoutSelectorOrNoLocalEveryMessageIsDelivered() {
        assertThat(SelectorFilter.forQueue(null)).isSameAs(MessageFilter.DELIVER_ALL);
        assertThat(SelectorFilter.forSubscription(null, null)).isSameAs(MessageFilter.DELIVER_ALL);
    }
}
