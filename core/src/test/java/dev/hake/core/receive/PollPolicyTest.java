package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The poll decisions of one consumer, driven by hand: no SQS client, no threads, no clock but the test's. */
class PollPolicyTest {

    private static final int BATCH = 10;
    private static final int LISTENER_WAIT = 20;
    private static final long NOW = 1_000_000_000L;
    private static final long NO_DEADLINE = PollPolicy.Demand.NO_DEADLINE;

    private final PollPolicy policy = new PollPolicy(BATCH, LISTENER_WAIT, false);

    private static PollPolicy.Demand listener(int buffered) {
        return new PollPolicy.Demand(true, false, true, 0, 0, NO_DEADLINE, buffered);
    }

    private static PollPolicy.Demand waitingForever(int threads, int buffered) {
        return new PollPolicy.Demand(true, false, false, threads, threads, NO_DEADLINE, buffered);
    }

    private static PollPolicy.Demand waitingUntil(long deadlineNanos) {
        return new PollPolicy.Demand(true, false, false, 1, 0, deadlineNanos, 0);
    }

    private static PollPolicy.Demand nobody() {
        return new PollPolicy.Demand(true, false, false, 0, 0, NO_DEADLINE, 0);
    }

    /** A full poll landed, as it does once a consumer has run a while. */
    private void fullPollLanded(PollPolicy.Demand before) {
        policy.pollSent();
        policy.pollLanded(BATCH, BATCH, List.of(), before);
    }

    @Test
    void nobodyWantingMessagesMeansNoPoll() {
        assertThat(policy.next(nobody(), NOW)).isEqualTo(PollDecision.NOTHING);
    }

    @Test
    void aStoppedOrClosedConsumerDoesNotPollThoughItsListenerWants() {
        assertThat(policy.next(new PollPolicy.Demand(false, false, true, 0, 0, NO_DEADLINE, 0), NOW))
                .isEqualTo(PollDecision.NOTHING);
        assertThat(policy.next(new PollPolicy.Demand(true, true, true, 0, 0, NO_DEADLINE, 0), NOW))
                .isEqualTo(PollDecision.NOTHING);
    }

    @Test
    void aListenerLongPollsForAFullBatch() {
        assertThat(policy.next(listener(0), NOW)).isEqualTo(new PollDecision.Poll(BATCH, LISTENER_WAIT));
    }

    @Test
    void aFreshSynchronousConsumerAsksOnlyForWhatItsThreadsWillTakeAndNeverMoreThanABatch() {
        assertThat(policy.next(waitingForever(1, 0), NOW)).isEqualTo(new PollDecision.Poll(1, 20));
        assertThat(policy.next(waitingForever(3, 1), NOW)).isEqualTo(new PollDecision.Poll(2, 20));
        assertThat(policy.next(waitingForever(25, 0), NOW)).isEqualTo(new PollDecision.Poll(BATCH, 20));
    }

    @Test
    void afterItsFirstPollASynchronousConsumerAsksForAFullBatch() {
        policy.pollSent();
        policy.pollLanded(0, 1, List.of(), waitingForever(1, 0));

        assertThat(policy.next(waitingForever(1, 0), NOW)).isEqualTo(new PollDecision.Poll(BATCH, 20));
    }

    @Test
    void threadsThatTheBufferAlreadyServesDoNotPoll() {
        assertThat(policy.next(waitingForever(2, 2), NOW)).isEqualTo(PollDecision.NOTHING);
    }

    @Test
    void aTimedReceiveEndsItsPollWithinASecondAfterItsDeadline() {
        long inThreeAndAHalfSeconds = NOW + TimeUnit.MILLISECONDS.toNanos(3_500);
        assertThat(policy.next(waitingUntil(inThreeAndAHalfSeconds), NOW)).isEqualTo(new PollDecision.Poll(1, 4));
        assertThat(policy.next(waitingUntil(NOW - 1), NOW)).isEqualTo(new PollDecision.Poll(1, 0));
    }

    @Test
    void oneConsumerHasOnePollInFlight() {
        policy.pollSent();
        assertThat(policy.next(listener(0), NOW)).isEqualTo(PollDecision.NOTHING);

        policy.pollLanded(3, BATCH, List.of(), listener(0));
        assertThat(policy.next(listener(3), NOW)).isEqualTo(new PollDecision.Poll(BATCH, LISTENER_WAIT));
    }

    @Test
    void aListenerThatKeptUpMayHoldTwoBatchesAndOneThatFellBehindOnlyOne() {
        fullPollLanded(listener(0));
        assertThat(policy.next(listener(10), NOW)).as("kept up: polls ahead").isInstanceOf(PollDecision.Poll.class);
        assertThat(policy.next(listener(20), NOW)).as("two batches held").isEqualTo(PollDecision.NOTHING);

        fullPollLanded(listener(10));
        assertThat(policy.next(listener(10), NOW)).as("fell behind").isEqualTo(PollDecision.NOTHING);
        assertThat(policy.next(listener(9), NOW)).isInstanceOf(PollDecision.Poll.class);
    }

    @Test
    void aListenerKeepingUpWithABacklogSendsASecondPollOnceItHasTakenTheLastBatch() {
        fullPollLanded(listener(0));
        policy.pollSent();
        assertThat(policy.next(listener(10), NOW)).as("the batch that landed is still held").isEqualTo(PollDecision.NOTHING);

        assertThat(policy.next(listener(0), NOW)).isEqualTo(new PollDecision.Poll(BATCH, LISTENER_WAIT));
        policy.pollSent();
        assertThat(policy.next(listener(0), NOW)).as("two in flight").isEqualTo(PollDecision.NOTHING);
    }

    @Test
    void aShortAnswerEndsTheSecondPoll() {
        fullPollLanded(listener(0));
        policy.pollSent();
        policy.pollSent();

        policy.pollLanded(3, BATCH, List.of(), listener(0));

        assertThat(policy.next(listener(0), NOW)).as("one still in flight").isEqualTo(PollDecision.NOTHING);
    }

    @Test
    void noSecondPollForAListenerThatFellBehindASynchronousReceiverOrAFifoQueue() {
        fullPollLanded(listener(3));
        policy.pollSent();
        assertThat(policy.next(listener(0), NOW)).as("fell behind").isEqualTo(PollDecision.NOTHING);

        PollPolicy receiver = new PollPolicy(BATCH, LISTENER_WAIT, false);
        receiver.pollSent();
        receiver.pollLanded(BATCH, BATCH, List.of(), waitingForever(5, 0));
        receiver.pollSent();
        assertThat(receiver.next(waitingForever(5, 0), NOW)).as("synchronous").isEqualTo(PollDecision.NOTHING);

        PollPolicy fifo = new PollPolicy(BATCH, LISTENER_WAIT, true);
        fifo.pollSent();
        fifo.pollLanded(BATCH, BATCH, List.of(), listener(0));
        fifo.pollSent();
        assertThat(fifo.next(listener(0), NOW)).as("FIFO").isEqualTo(PollDecision.NOTHING);
    }

    @Test
    void failedPollsPauseLongerEachTimeAndASuccessStartsOver() {
        policy.pollSent();
        policy.pollLanded(-1, BATCH, List.of(), listener(0));
        PollDecision.Pause first = policy.afterFailure();
        policy.pauseStarted();
        assertThat(first.millis()).isBetween(800L, 1_000L);
        assertThat(policy.next(listener(0), NOW)).as("paused").isEqualTo(PollDecision.NOTHING);

        policy.pauseEnded();
        assertThat(policy.next(listener(0), NOW)).isInstanceOf(PollDecision.Poll.class);
        assertThat(policy.afterFailure().millis()).isBetween(1_600L, 2_000L);
        assertThat(policy.failuresInARow()).isEqualTo(2);

        assertThat(policy.pollSucceeded()).isEqualTo(2);
        assertThat(policy.afterFailure().millis()).isBetween(800L, 1_000L);
    }

    @Test
    void handingSkippedMessagesBackPausesSoThatOtherConsumersTakeThemFirst() {
        assertThat(policy.afterLanding(true, listener(0), NOW))
                .isEqualTo(new PollDecision.Pause(PollPolicy.SKIP_BACKOFF_MILLIS));
        assertThat(policy.afterLanding(false, listener(0), NOW)).isInstanceOf(PollDecision.Poll.class);
    }

    @Test
    void aMessageDueWithinASecondIsPolledForOnceJustAfterItAndThoseDueWithIt() {
        long inHalfASecond = NOW + TimeUnit.MILLISECONDS.toNanos(500);
        long soonAfter = inHalfASecond + TimeUnit.MILLISECONDS.toNanos(100);
        policy.pollSent();
        policy.pollLanded(0, BATCH, List.of(inHalfASecond, soonAfter), listener(0));

        PollDecision decision = policy.next(listener(0), NOW);

        // due in 500 ms, plus 100 ms for clocks that differ, plus the 250 ms that groups those due together
        assertThat(decision).isEqualTo(new PollDecision.Pause(851));
        policy.pauseStarted();
        policy.pauseEnded();
        assertThat(policy.next(listener(0), NOW + TimeUnit.MILLISECONDS.toNanos(851)))
                .as("both were polled for by that one poll").isEqualTo(new PollDecision.Poll(BATCH, LISTENER_WAIT));
    }

    @Test
    void aLongPollEndsBeforeTheNextMessageComesDue() {
        policy.pollSent();
        policy.pollLanded(0, BATCH, List.of(NOW + TimeUnit.MILLISECONDS.toNanos(5_500)), listener(0));

        assertThat(policy.next(listener(0), NOW)).isEqualTo(new PollDecision.Poll(BATCH, 5));
    }

    @Test
    void aPollThatLandsAfterCloseLeavesNoDueTimes() {
        policy.pollSent();
        policy.pollLanded(0, BATCH, List.of(NOW + TimeUnit.MILLISECONDS.toNanos(500)),
                new PollPolicy.Demand(true, true, false, 0, 0, NO_DEADLINE, 0));

        assertThat(policy.next(listener(0), NOW)).isEqualTo(new PollDecision.Poll(BATCH, LISTENER_WAIT));
    }

    @Test
    void aFifoQueueIsPolledInShortRounds() {
        PollPolicy fifo = new PollPolicy(BATCH, LISTENER_WAIT, true);

        assertThat(fifo.next(listener(0), NOW)).isEqualTo(new PollDecision.Poll(BATCH, PollPolicy.FIFO_MAX_WAIT_SECONDS));
    }

    @Test
    void aSynchronousConsumerThatTookTheLastOfAFullAnswerShortPollsForTheNextBatch() {
        assertThat(policy.afterTake(nobody(), NOW)).as("no full answer yet").isEqualTo(PollDecision.NOTHING);

        fullPollLanded(waitingForever(1, 0));

        assertThat(policy.afterTake(nobody(), NOW)).isEqualTo(new PollDecision.Poll(BATCH, 0));
        assertThat(policy.afterTake(waitingForever(0, 1), NOW)).as("messages still buffered")
                .isEqualTo(PollDecision.NOTHING);
        assertThat(policy.afterTake(waitingForever(1, 0), NOW)).as("a thread still waits: a poll as usual")
                .isEqualTo(new PollDecision.Poll(BATCH, 20));
    }

    @Test
    void neitherAListenerNorAFifoConsumerPollsAheadAfterATake() {
        fullPollLanded(listener(0));
        assertThat(policy.afterTake(listener(0), NOW)).isEqualTo(PollDecision.NOTHING);

        PollPolicy fifo = new PollPolicy(BATCH, LISTENER_WAIT, true);
        fifo.pollSent();
        fifo.pollLanded(BATCH, BATCH, List.of(), waitingForever(1, 0));
        assertThat(fifo.afterTake(nobody(), NOW)).isEqualTo(PollDecision.NOTHING);
    }

    @Test
    void aFirstPollForLessThanABatchSaysNothingOfABacklog() {
        policy.pollSent();
        policy.pollLanded(1, 1, List.of(), waitingForever(1, 0));

        assertThat(policy.afterTake(nobody(), NOW)).isEqualTo(PollDecision.NOTHING);
    }
}
