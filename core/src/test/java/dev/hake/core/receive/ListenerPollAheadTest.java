package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * When a listener's next poll goes out, seen through an SQS client whose polls the test answers
 * by hand: at once after a full answer that found the listener's buffer empty, and otherwise only
 * once the listener holds less than a batch; a second one alongside while it keeps up with a backlog.
 */
class ListenerPollAheadTest {

    private static final String QUEUE_URL = "http://127.0.0.1:1/000000000000/poll-ahead";
    private static final String FIFO_QUEUE_URL = "http://127.0.0.1:1/000000000000/poll-ahead.fifo";

    private final ScriptedSqs sqs = new ScriptedSqs();
    private ScheduledExecutorService scheduler;
    private ReceiveBuffer buffer;

    @BeforeEach
    void startScheduler() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        sqs.polls.forEach(poll -> poll.complete(ReceiveMessageResponse.builder().build()));
        if (buffer != null) {
            buffer.close();
        }
        scheduler.shutdownNow();
    }

    /** Starts a consumer whose listener takes messages only when the test says so. */
    private void listenTo(String queueUrl) {
        HakeSettings settings = HakeSettings.builder().build();
        Acknowledger acknowledger = new Acknowledger(sqs, scheduler, DeliveryLedger.shared(), HeldMessages.shared());
        buffer = new ReceiveBuffer(sqs, queueUrl, WireDestination.queue("poll-ahead"), ListenerPollAheadTest::decode,
                settings, acknowledger, DeliveryLedger.shared(), scheduler, new PollsInFlight(),
                new PollTurnsByQueue(scheduler));
        buffer.listen(() -> { });
        buffer.start();
    }

    @Test
    void aListenerThatKeptUpPollsForTheNextBatchAsSoonAsAFullAnswerLands() {
        listenTo(QUEUE_URL);
        assertThat(sqs.polls).hasSize(1);

        sqs.answer(0, 10);

        assertThat(sqs.polls).as("the second poll went out before the listener took anything").hasSize(2);
    }

    @Test
    void aListenerThatFellBehindHoldsAtMostTwoBatchesAndPollsAgainOnceItHoldsLessThanOne() {
        listenTo(QUEUE_URL);
        sqs.answer(0, 10);
        sqs.answer(1, 10);   // lands while the first batch is still untouched
        assertThat(sqs.polls).as("twenty buffered: no third poll").hasSize(2);

        takeMessages(10);
        assertThat(sqs.polls).as("one batch still buffered: no third poll").hasSize(2);

        takeMessages(1);
        assertThat(sqs.polls).as("less than a batch buffered").hasSize(3);
    }

    @Test
    void aFullAnswerThatLandsWhileTheListenerStillHoldsMessagesDoesNotPollAhead() {
        // A FIFO queue, whose polls are not paced: after a part-full answer the next goes at once.
        listenTo(FIFO_QUEUE_URL);
        sqs.answer(0, 4);
        assertThat(sqs.polls).as("four buffered, less than a batch").hasSize(2);

        sqs.answer(1, 10);

        assertThat(sqs.polls).as("fourteen buffered, the four untouched: no third poll").hasSize(2);
        takeMessages(5);
        assertThat(sqs.polls).as("nine buffered").hasSize(3);
    }

    @Test
    void aListenerKeepingUpWithABacklogHasTwoPollsOutUntilAnAnswerComesBackShort() {
        listenTo(QUEUE_URL);
        // The connection's pacer lets a second poll go from the third full answer in a row.
        answerFullAndTakeAsTheyLand(3);
        assertThat(openPolls()).as("two polls out at once").isEqualTo(2);

        sqs.answer(3, 4);
        takeMessages(4);

        assertThat(openPolls()).as("a short answer: back to one").isEqualTo(1);
    }

    @Test
    void aListenerOnAFifoQueueKeepsOnePollOut() {
        listenTo(FIFO_QUEUE_URL);
        answerFullAndTakeAsTheyLand(3);

        assertThat(openPolls()).isEqualTo(1);
    }

    /** A backlog: the first {@code count} polls come back full, and the listener takes each batch as it lands. */
    private void answerFullAndTakeAsTheyLand(int count) {
        for (int answered = 0; answered < count; answered++) {
            sqs.answer(answered, 10);
            takeMessages(10);
        }
    }

    private long openPolls() {
        return sqs.polls.stream().filter(poll -> !poll.isDone()).count();
    }

    private void takeMessages(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(buffer.poll()).isNotNull();
        }
    }

    private static WireMessage decode(Message message, WireDestination from) {
        WireMessage wire = new WireMessage();
        wire.text(message.body());
        wire.messageId("ID:" + message.messageId());
        return wire;
    }
}
