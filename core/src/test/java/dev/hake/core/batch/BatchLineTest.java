package dev.hake.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.core.HakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The one batching rule against a recording call: how entries are split, ordered, released and answered. */
class BatchLineTest {

    private static final int SLOTS = 4;

    /** Records each request and answers it only when the test says so. */
    private static final class RecordingCall<E> implements BatchCall<String, E> {
        record Request<E>(String key, List<E> entries, CompletableFuture<List<HakeException>> answer) {
            void succeed() {
                answer.complete(Collections.nCopies(entries.size(), null));
            }
        }

        final List<Request<E>> requests = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<List<HakeException>> send(String key, List<E> batch) {
            Request<E> request = new Request<>(key, batch, new CompletableFuture<>());
            requests.add(request);
            return request.answer();
        }

        List<List<E>> batches() {
            return requests.stream().map(Request::entries).toList();
        }

        Request<E> request(int index) {
            return requests.get(index);
        }
    }

    /** Keeps the timers a window rule starts, and runs them when the test says the window ended. */
    private static final class ManualTimer extends ScheduledThreadPoolExecutor {
        final List<Runnable> windows = new ArrayList<>();

        ManualTimer() {
            super(0);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            windows.add(command);
            return null;
        }

        void endWindow(int index) {
            windows.get(index).run();
        }
    }

    private final ManualTimer timer = new ManualTimer();
    private final ScheduledExecutorService realTimer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimers() {
        timer.shutdownNow();
        realTimer.shutdownNow();
    }

    private static <E> BatchLine<String, E> slotLine(BatchLimits<E> limits, int slots, RecordingCall<E> call) {
        return new BatchLine<>(limits, ReleaseRule.whenSlotFree(key -> slots, key -> slots), call);
    }

    private static List<Integer> numbers(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private static Throwable failureOf(CompletableFuture<Void> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Nested
    class Splitting {
        private final RecordingCall<Integer> call = new RecordingCall<>();

        @Test
        void splitsAtTenEntries() {
            List<Integer> items = numbers(23);
            slotLine(new BatchLimits<Integer>(10, 262_144, i -> 100), SLOTS, call).addAll(items, i -> "q", null);
            assertThat(call.batches()).extracting(List::size).containsExactly(10, 10, 3);
            assertThat(call.batches().stream().flatMap(List::stream).toList()).isEqualTo(items);
        }

        @Test
        void splitsAtTheByteLimitKeepingOrder() {
            // 64 KiB messages: four fit in 256 KiB only if the attributes leave room, so three a batch here.
            List<Integer> items = numbers(7);
            slotLine(new BatchLimits<Integer>(10, 262_144, i -> 65_536 + 200), SLOTS, call).addAll(items, i -> "q", null);
            assertThat(call.batches()).extracting(List::size).containsExactly(3, 3, 1);
            assertThat(call.batches().stream().flatMap(List::stream).toList()).isEqualTo(items);
        }

        @Test
        void aSingleEntryAlwaysFormsABatch() {
            BatchLine<String, Integer> line = slotLine(new BatchLimits<Integer>(10, 262_144, i -> 300_000), SLOTS, call);
            assertThat(line.addAll(List.of(), i -> "q", null)).isEmpty();
            line.add("q", 1, null);
            assertThat(call.batches()).containsExactly(List.of(1));
        }

        @Test
        void entriesForDifferentKeysNeverShareARequest() {
            slotLine(new BatchLimits<Integer>(10, 262_144, i -> 100), SLOTS, call)
                    .addAll(numbers(6), i -> i % 2 == 0 ? "even" : "odd", null);
            assertThat(call.requests).extracting(RecordingCall.Request::key).containsExactly("even", "odd");
            assertThat(call.batches()).containsExactly(List.of(0, 2, 4), List.of(1, 3, 5));
        }
    }

    @Nested
    class Outcomes {
        private final RecordingCall<String> call = new RecordingCall<>();
        private final BatchLine<String, String> line = slotLine(BatchLimits.entries(10), SLOTS, call);

        @Test
        void eachEntryHearsItsOwnOutcome() {
            List<CompletableFuture<Void>> done = line.addAll(List.of("a", "b", "c"), e -> "q", null);
            HakeException refused = new HakeException("refused");
            call.request(0).answer().complete(Arrays.asList(null, refused, null));

            assertThat(done.get(0)).isCompletedWithValue(null);
            assertThat(failureOf(done.get(1))).isSameAs(refused);
            assertThat(done.get(2)).isCompletedWithValue(null);
        }

        @Test
        void aFailedCallFailsEveryEntryWithItsFailure() {
            List<CompletableFuture<Void>> done = line.addAll(List.of("a", "b"), e -> "q", null);
            HakeException down = new HakeException("unreachable");
            call.request(0).answer().completeExceptionally(down);

            assertThat(done).allSatisfy(f -> assertThat(failureOf(f)).isSameAs(down));
        }

        @Test
        void aCallThatThrowsFailsItsEntriesAndFreesItsSlot() {
            RuntimeException broken = new IllegalStateException("client closed");
            List<String> calls = new ArrayList<>();
            BatchLine<String, String> oneSlot = new BatchLine<>(BatchLimits.entries(10), ReleaseRule.whenSlotFree(k -> 1, k -> 1),
                    (key, batch) -> {
                        calls.add(batch.get(0));
                        throw broken;
                    });

            assertThat(failureOf(oneSlot.add("q", "a", null))).isSameAs(broken);
            assertThat(failureOf(oneSlot.add("q", "b", null))).isSameAs(broken);
            assertThat(calls).as("the slot was given back").containsExactly("a", "b");
        }

        @Test
        void anAnswerWithTheWrongNumberOfOutcomesFailsEveryEntry() {
            List<CompletableFuture<Void>> done = line.addAll(List.of("a", "b"), e -> "q", null);
            call.request(0).answer().complete(Collections.singletonList(null));

            assertThat(done).allSatisfy(f -> assertThat(failureOf(f)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("1 outcomes for 2 entries"));
        }
    }

    @Nested
    class OrderKeys {
        private final RecordingCall<String> call = new RecordingCall<>();
        private final BatchLine<String, String> line = slotLine(BatchLimits.entries(10), SLOTS, call);

        @Test
        void entriesOfOneKeyWaitForTheRequestInFlightThenGoTogetherAndCompleteInOrder() {
            Object session = new Object();
            List<String> completed = new CopyOnWriteArrayList<>();
            for (String entry : List.of("m0", "m1", "m2")) {
                line.add("q", entry, session).thenRun(() -> completed.add(entry));
            }
            assertThat(call.batches()).containsExactly(List.of("m0"));

            call.request(0).succeed();
            assertThat(call.batches()).containsExactly(List.of("m0"), List.of("m1", "m2"));
            call.request(1).succeed();
            assertThat(completed).containsExactly("m0", "m1", "m2");
        }

        @Test
        void otherKeysAndEntriesWithoutOnePassAKeyInFlight() {
            Object first = new Object();
            Object second = new Object();
            line.add("q", "a0", first);
            line.add("q", "a1", first);
            line.add("q", "b0", second);
            line.add("q", "free", null);

            assertThat(call.batches()).containsExactly(List.of("a0"), List.of("b0"), List.of("free"));
            call.request(0).succeed();
            assertThat(call.batches()).last().isEqualTo(List.of("a1"));
        }

        @Test
        void entriesAddedTogetherWithOneKeyGoOneRequestAfterAnother() {
            List<String> transaction = IntStream.range(0, 23).mapToObj(i -> "t" + i).toList();
            line.addAll(transaction, e -> "q", new Object());

            assertThat(call.batches()).hasSize(1);
            call.request(0).succeed();
            assertThat(call.batches()).hasSize(2);
            call.request(1).succeed();
            assertThat(call.batches()).extracting(List::size).containsExactly(10, 10, 3);
            assertThat(call.batches().stream().flatMap(List::stream).toList()).isEqualTo(transaction);
        }
    }

    @Nested
    class WhenSlotFree {
        private final RecordingCall<String> call = new RecordingCall<>();

        @Test
        void aLoneEntryLeavesAtOnce() {
            CompletableFuture<Void> done = slotLine(BatchLimits.entries(10), SLOTS, call).add("q", "alone", null);
            assertThat(call.batches()).containsExactly(List.of("alone"));
            call.request(0).succeed();
            assertThat(done).isCompleted();
        }

        @Test
        void entriesThatFindEverySlotBusyWaitAndLeaveTogetherWhenOneFrees() {
            BatchLine<String, String> line = slotLine(BatchLimits.entries(10), SLOTS, call);
            for (int i = 0; i < SLOTS; i++) {
                line.add("q", "x" + i, null);
            }
            line.add("q", "w0", null);
            line.add("q", "w1", null);
            line.flush("q"); // a flush does not hurry entries that wait for a slot
            assertThat(call.batches()).hasSize(SLOTS);

            call.request(2).succeed();
            assertThat(call.batches()).last().isEqualTo(List.of("w0", "w1"));
        }

        @Test
        void oneSlotKeepsOneRequestInFlight() {
            BatchLine<String, String> line = slotLine(BatchLimits.entries(10), 1, call);
            line.add("fifo", "f0", null);
            line.add("fifo", "f1", null);
            line.add("other", "o0", null);
            assertThat(call.batches()).containsExactly(List.of("f0"), List.of("o0"));

            call.request(0).succeed();
            assertThat(call.batches()).last().isEqualTo(List.of("f1"));
        }
    }

    @Nested
    class WhenFullOrDue {
        private final RecordingCall<String> call = new RecordingCall<>();
        private final BatchLine<String, String> line = new BatchLine<>(BatchLimits.entries(10),
                ReleaseRule.whenFullOrDue(60_000, timer), call);

        @Test
        void aLoneEntryWaitsForItsWindowToEnd() {
            line.add("q", "a", null);
            line.add("q", "b", null);
            assertThat(call.requests).isEmpty();
            assertThat(timer.windows).as("one window for the group").hasSize(1);

            timer.endWindow(0);
            assertThat(call.batches()).containsExactly(List.of("a", "b"));
        }

        @Test
        void aFullBatchLeavesAtOnceWithNoLimitOnRequestsInFlight() {
            line.addAll(IntStream.range(0, 25).mapToObj(i -> "e" + i).toList(), e -> "q", null);
            assertThat(call.batches()).extracting(List::size).containsExactly(10, 10);

            timer.endWindow(timer.windows.size() - 1);
            assertThat(call.batches()).extracting(List::size).containsExactly(10, 10, 5);
        }

        @Test
        void aFlushSendsAKeysEntriesAtOnceAndOnlyThatKeys() {
            line.add("q", "a", null);
            line.add("other", "b", null);
            line.flush("q");
            assertThat(call.batches()).containsExactly(List.of("a"));

            line.flushAll();
            assertThat(call.batches()).containsExactly(List.of("a"), List.of("b"));
        }

        @Test
        void theTimerOfAWindowWhoseEntriesLeftDoesNotCutTheNextWindowShort() {
            line.add("q", "early", null);
            line.flush("q");
            line.add("q", "late", null);
            assertThat(timer.windows).hasSize(2);

            timer.endWindow(0);
            assertThat(call.batches()).containsExactly(List.of("early"));
            timer.endWindow(1);
            assertThat(call.batches()).containsExactly(List.of("early"), List.of("late"));
        }

        @Test
        void aLoneEntryLeavesByItselfWhenARealWindowEnds() {
            BatchLine<String, String> shortWindow = new BatchLine<>(BatchLimits.entries(10),
                    ReleaseRule.whenFullOrDue(50, realTimer), call);
            CompletableFuture<Void> done = shortWindow.add("q", "alone", null);

            await().atMost(Duration.ofSeconds(5)).until(() -> call.requests.size() == 1);
            call.request(0).succeed();
            assertThat(done).isCompleted();
        }
    }
}
