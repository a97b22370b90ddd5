package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.HakeSettings;
import org.junit.jupiter.api.Test;

/** How long a message given back after a failed delivery stays hidden. */
class RedeliveryDelayTest {

    @Test
    void byDefaultAFailedDeliveryComesAgainAtOnce() {
        RedeliveryDelay delay = RedeliveryDelay.of(HakeSettings.builder().build());
        assertThat(delay.secondsAfter(1)).isZero();
        assertThat(delay.secondsAfter(50)).isZero();
    }

    @Test
    void aFixedDelayIsTheSameEveryTime() {
        RedeliveryDelay delay = RedeliveryDelay.of(HakeSettings.builder().redeliveryDelaySeconds(5).build());
        assertThat(delay.secondsAfter(1)).isEqualTo(5);
        assertThat(delay.secondsAfter(7)).isEqualTo(5);
    }

    @Test
    void aMultiplierBacksOffUpToTheMaximum() {
        RedeliveryDelay delay = RedeliveryDelay.of(HakeSettings.builder().redeliveryDelaySeconds(2)
                .redeliveryBackoffMultiplier(3).maxRedeliveryDelaySeconds(60).build());
        assertThat(delay.secondsAfter(1)).isEqualTo(2);
        assertThat(delay.secondsAfter(2)).isEqualTo(6);
        assertThat(delay.secondsAfter(3)).isEqualTo(18);
        assertThat(delay.secondsAfter(4)).isEqualTo(54);
        assertThat(delay.secondsAfter(5)).isEqualTo(60);
        assertThat(delay.secondsAfter(1_000)).isEqualTo(60);
    }
}
