package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollPacerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final PollPacer pacer = new PollPacer();
    private long now = 1_000 * MS;

    private long landAfter(long millis, int polled) {
        now += millis * MS;
        return pacer.afterPoll(polled, 10, now);
    }

    @Test
    void beforeAnyEstimateAFullAnswerPollsAtOnceAndAShortOneWaits() {
        assertThat(landAfter(5, 10)).isZero();
        PollPacer fresh = new PollPacer();
        assertThat(fresh.afterPoll(2, 10, now)).isEqualTo(PollPacer.MAX_PAUSE_MILLIS);
        PollPacer another = new PollPacer();
        assertThat(another.afterPoll(6, 10, now)).isEqualTo(PollPacer.FIRST_PARTIAL_PAUSE_MILLIS);
    }

    @Test
    void waitsUntilNineTenthsOfABatchAreExpected() {
        landAfter(0, 5);
        // 5 messages every 20 ms: 9 take 36 ms.
        long pause = 0;
        for (int i = 0; i < 10; i++) {
            pause = landAfter(20, 5);
        }
        assertThat(pause).isEqualTo(36);
    }

    @Test
    void aTrickleWaitsAtMostTheLongestPause() {
        landAfter(0, 1);
        for (int i = 0; i < 5; i++) {
            assertThat(landAfter(500, 1)).isEqualTo(PollPacer.MAX_PAUSE_MILLIS);
        }
    }

    @Test
    void anEmptyAnswerPollsAgainAtOnce() {
        landAfter(0, 5);
        landAfter(20, 5);
        assertThat(landAfter(20_000, 0)).isZero();
    }

    @Test
    void aBacklogPollsAtOnceAndWithMorePollsInFlightUntilAnAnswerComesBackShort() {
        landAfter(0, 5);
        landAfter(50, 5);
        assertThat(landAfter(50, 10)).as("one full answer may be luck").isPositive();
        assertThat(pacer.pollsAllowedInFlight()).isEqualTo(1);
        assertThat(landAfter(50, 10)).isZero();
        assertThat(pacer.pollsAllowedInFlight()).isEqualTo(1);
        assertThat(landAfter(5, 10)).isZero();
        assertThat(pacer.pollsAllowedInFlight()).isEqualTo(2);
        assertThat(landAfter(5, 10)).isZero();
        assertThat(pacer.pollsAllowedInFlight()).isEqualTo(3);
        assertThat(landAfter(5, 4)).isPositive();
        assertThat(pacer.pollsAllowedInFlight()).isEqualTo(1);
    }
}
