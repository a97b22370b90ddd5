package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollTurnsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final PollTurns turns = new PollTurns(scheduler, System::nanoTime);
    private final List<String> polled = new ArrayList<>();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    /** A consumer that, offered a turn, polls if {@code wants}; records who polled. */
    private BooleanSupplier consumer(String name, boolean wants) {
        return new BooleanSupplier() {
            @Override
            public boolean getAsBoolean() {
                if (!wants || !turns.tryStart(this)) {
                    return false;
                }
                synchronized (polled) {
                    polled.add(name);
                }
                return true;
            }
        };
    }

    private List<String> polled() {
        synchronized (polled) {
            return List.copyOf(polled);
        }
    }

    @Test
    void oneConsumerPollsAtATimeAndTheNextGetsTheTurnWhenTheEmptyPollLands() {
        BooleanSupplier a = consumer("a", true);
        BooleanSupplier b = consumer("b", true);
        assertThat(a.getAsBoolean()).isTrue();
        assertThat(b.getAsBoolean()).as("a's poll is in flight").isFalse();

        turns.landed(0, 10);

        assertThat(polled()).containsExactly("a", "b");
    }

    @Test
    void aTurnTheConsumerNoLongerWantsGoesToTheNext() {
        assertThat(consumer("a", true).getAsBoolean()).isTrue();
        BooleanSupplier closed = consumer("closed", true);
        BooleanSupplier c = consumer("c", true);
        assertThat(closed.getAsBoolean()).isFalse();
        assertThat(c.getAsBoolean()).isFalse();
        turns.forget(closed);

        turns.landed(0, 10);

        assertThat(polled()).containsExactly("a", "c");
    }

    @Test
    void afterAShortAnswerTheNextPollWaitsForThePauseAndThenGoes() {
        assertThat(consumer("a", true).getAsBoolean()).isTrue();
        turns.landed(6, 10);

        BooleanSupplier b = consumer("b", true);
        assertThat(b.getAsBoolean()).as("within the pause").isFalse();

        await().atMost(Duration.ofSeconds(5)).until(() -> polled().contains("b"));
        assertThat(polled()).containsExactly("a", "b");
    }

    @Test
    void aBacklogLetsMoreConsumersPollAtOnce() {
        assertThat(consumer("a", true).getAsBoolean()).isTrue();
        turns.landed(10, 10);
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer("a2", true).getAsBoolean());
        turns.landed(10, 10);
        assertThat(consumer("b", true).getAsBoolean()).isTrue();
        turns.landed(10, 10);

        assertThat(consumer("c", true).getAsBoolean()).isTrue();
        assertThat(consumer("d", true).getAsBoolean()).as("two full answers after the first: two in flight").isTrue();
        assertThat(consumer("e", true).getAsBoolean()).isFalse();
    }

    @Test
    void aBacklogNeverHasMorePollsOutThanTheQueueHasConsumersOrTwoForALoneOne() {
        turns.members = 1;
        for (int i = 0; i < 6; i++) {
            assertThat(consumer("a", true).getAsBoolean()).isTrue();
            turns.landed(10, 10);
        }
        // The pacer alone would allow five now.
        assertThat(consumer("a", true).getAsBoolean()).isTrue();
        assertThat(consumer("a", true).getAsBoolean()).as("a lone consumer's second poll").isTrue();
        assertThat(consumer("a", true).getAsBoolean()).as("no third").isFalse();

        turns.members = 3;
        assertThat(consumer("b", true).getAsBoolean()).as("three consumers, three polls").isTrue();
        assertThat(consumer("c", true).getAsBoolean()).isFalse();
    }
}
