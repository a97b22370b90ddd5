package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpiryMarginTest {

    @Test
    void aBufferedMessageIsDroppedTwoSecondsBeforeItsTimeoutEnds() {
        assertThat(ReceiveBuffer.expiryMargin(30)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(ReceiveBuffer.expiryMargin(8)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void aShortTimeoutKeepsThreeQuartersOfItselfForDelivery() {
        // A 2 s margin on a 2 s timeout would drop every message before delivery.
        assertThat(ReceiveBuffer.expiryMargin(2)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(ReceiveBuffer.expiryMargin(1)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    }

    @Test
    void withNoTimeoutThereIsNothingToProtectAndMessagesAreDelivered() {
        assertThat(ReceiveBuffer.expiryMargin(0)).isNegative();
    }
}
