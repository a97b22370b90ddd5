package dev.hake.core.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.WireDestination;
import dev.hake.core.wire.EncodedMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A prepared message keeps when it may be delivered, not a delay: a transaction's message is
 * prepared at send() and leaves at commit, and SQS must not delay it by the time it was held.
 */
class PreparedSendTest {

    private static final long NOW = 1_000_000L;

    private static PreparedSend deliveredAt(long deliveryTime) {
        return new PreparedSend(WireDestination.queue("orders"), "url/orders", new EncodedMessage("b", Map.of()),
                null, null, deliveryTime);
    }

    @Test
    void theDelayIsCountedFromWhenTheRequestLeavesRoundedUp() {
        PreparedSend fiveSecondsOn = deliveredAt(NOW + 5_000);
        assertThat(fiveSecondsOn.delaySecondsAt(NOW)).isEqualTo(5);
        assertThat(fiveSecondsOn.delaySecondsAt(NOW + 3_000)).as("held 3 s before it left").isEqualTo(2);
        assertThat(fiveSecondsOn.delaySecondsAt(NOW + 3_500)).isEqualTo(2);
    }

    @Test
    void aMessageDueAlreadyOrNotDelayedHasNoDelay() {
        assertThat(deliveredAt(NOW + 5_000).delaySecondsAt(NOW + 6_000)).isNull();
        assertThat(deliveredAt(0).delaySecondsAt(NOW)).isNull();
    }

    @Test
    void sqsDelaysAtMostFifteenMinutesAndTheConsumerHidesTheRest() {
        assertThat(deliveredAt(NOW + 3_600_000).delaySecondsAt(NOW)).isEqualTo(PreparedSend.MAX_DELAY_SECONDS);
    }
}
