package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollBackoffTest {

    private final PollBackoff backoff = new PollBackoff();

    @Test
    void pausesDoubleUpToTheCapAndShrinkBySomeJitter() {
        long[] full = {1_000, 2_000, 4_000, 8_000, 16_000, 16_000, 16_000};
        for (long expected : full) {
            assertThat(backoff.failed()).isBetween(expected * 4 / 5, expected);
        }
        assertThat(backoff.failuresInARow()).isEqualTo(full.length);
    }

    @Test
    void aSuccessStartsOver() {
        backoff.failed();
        backoff.failed();

        assertThat(backoff.succeeded()).isEqualTo(2);
        assertThat(backoff.failed()).isBetween(800L, 1_000L);
    }
}
