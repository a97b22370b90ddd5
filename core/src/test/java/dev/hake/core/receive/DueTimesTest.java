package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DueTimesTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final DueTimes due = new DueTimes();

    @Test
    void nothingDueMeansNoLimit() {
        assertThat(due.nanosUntilNext(0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theNextDueTimeIsPolledForJustAfterIt() {
        due.addAll(List.of(5_000 * MS, 2_000 * MS));

        assertThat(due.nanosUntilNext(0)).isBetween(2_000 * MS, 2_200 * MS);
    }

    @Test
    void dueTimesThatHavePassedAreForgotten() {
        due.addAll(List.of(1_000 * MS, 5_000 * MS));

        assertThat(due.nanosUntilNext(3_000 * MS)).isBetween(2_000 * MS, 2_200 * MS);
    }

    @Test
    void messagesDueCloseTogetherShareOnePoll() {
        due.addAll(List.of(1_000 * MS, 1_100 * MS, 1_200 * MS, 3_000 * MS));
        long until = due.nanosUntilNext(0);

        long delay = due.groupPollDelayNanos(0, until);

        assertThat(delay).isGreaterThanOrEqualTo(until + DueTimes.GROUP_NANOS);
        assertThat(due.nanosUntilNext(0)).isBetween(3_000 * MS, 3_200 * MS);
    }
}
