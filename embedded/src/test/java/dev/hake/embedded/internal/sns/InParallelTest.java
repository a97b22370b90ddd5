package dev.hake.embedded.internal.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InParallelTest {

    private final ExecutorService helpers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopHelpers() {
        helpers.shutdownNow();
    }

    @Test
    void tasksRunAtTheSameTimeAndResultsComeInTaskOrder() {
        CountDownLatch allStarted = new CountDownLatch(3);
        Supplier<String> first = () -> meet(allStarted, "a");
        Supplier<String> second = () -> meet(allStarted, "b");
        Supplier<String> third = () -> meet(allStarted, "c");

        assertThat(InParallel.run(List.of(first, second, third), helpers)).containsExactly("a", "b", "c");
    }

    @Test
    void theCallerRunsWhatNoHelperTakes() {
        List<Supplier<String>> tasks = List.of(() -> "a", () -> "b", () -> "c");

        assertThat(InParallel.run(tasks, task -> { })).containsExactly("a", "b", "c");
        assertThat(InParallel.run(tasks, task -> {
            throw new RejectedExecutionException("stopped");
        })).containsExactly("a", "b", "c");
    }

    @Test
    void aFailureIsThrownOnceEveryTaskHasEnded() {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicBoolean slowOneEnded = new AtomicBoolean();
        Supplier<String> failing = () -> {
            failed.countDown();
            throw new IllegalStateException("refused");
        };
        Supplier<String> slow = () -> {
            await(failed);
            slowOneEnded.set(true);
            return "slow";
        };

        assertThatThrownBy(() -> InParallel.run(List.of(failing, slow), helpers))
                .isInstanceOf(IllegalStateException.class).hasMessage("refused");
        assertThat(slowOneEnded).isTrue();
    }

    @Test
    void noTasksNoResults() {
        assertThat(InParallel.run(List.<Supplier<String>>of(), helpers)).isEmpty();
    }

    /** Returns only if all parties arrive, which they can only do if they run at the same time. */
    private static String meet(CountDownLatch latch, String result) {
        latch.countDown();
        await(latch);
        return result;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other tasks ran meanwhile").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
