package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.DestinationNotFoundException;
import dev.hake.core.HakeException;
import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * What a consumer does when its polls fail (after the SDK's own retries): a failure that waiting
 * can mend is retried with growing pauses and never thrown at the application; one that cannot
 * (the queue is gone) reaches a receive() caller, or a listener's connection, once.
 */
class ReceiveFailuresTest {

    private static final String QUEUE_URL = "http://127.0.0.1:1/000000000000/failures";

    private final ScriptedSqs sqs = new ScriptedSqs();
    private ScheduledExecutorService scheduler;
    private ReceiveBuffer buffer;

    @BeforeEach
    void open() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        Acknowledger acknowledger = new Acknowledger(sqs, scheduler, new DeliveryLedger(), new HeldMessages(System::nanoTime));
        buffer = new ReceiveBuffer(sqs, QUEUE_URL, WireDestination.queue("failures"), ReceiveFailuresTest::decode,
                HakeSettings.builder().build(), acknowledger, new DeliveryLedger(), scheduler, new PollsInFlight(),
                new PollTurnsByQueue(scheduler));
        buffer.start();
    }

    @AfterEach
    void close() {
        sqs.polls.forEach(poll -> poll.complete(software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse.builder().build()));
        buffer.close();
        scheduler.shutdownNow();
    }

    private static SdkClientException connectionReset() {
        return SdkClientException.create("Unable to execute HTTP request: Connection reset", new IOException("reset"));
    }

    @Test
    void aFailedPollIsRetriedAfterAPauseAndNotThrownAtTheReceiver() throws InterruptedException {
        Thread receiver = new Thread(() -> {
            try {
                buffer.receive(-1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        receiver.start();
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sqs.polls.size() == 1);

        sqs.fail(0, connectionReset());

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sqs.polls.size() == 2);
        sqs.answer(1, 1);
        receiver.join(5_000);
        assertThat(receiver.isAlive()).as("the receiver got the message of the retried poll").isFalse();
    }

    @Test
    void aFreshSynchronousConsumerAsksForWhatItWaitsFor() throws InterruptedException {
        Thread receiver = new Thread(() -> {
            try {
                buffer.receive(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        receiver.start();
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sqs.polls.size() == 1);
        sqs.answer(0, 1);
        receiver.join(5_000);

        assertThat(sqs.pollRequests.get(0).maxNumberOfMessages()).isEqualTo(1);
        assertThat(sqs.polls).as("no poll ahead after a poll for one").hasSize(1);
    }

    @Test
    void aQueueThatIsGoneIsThrownAtTheWaitingReceiver() {
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread receiver = new Thread(() -> {
            try {
                buffer.receive(-1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        receiver.start();
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sqs.polls.size() == 1);

        sqs.fail(0, QueueDoesNotExistException.builder().message("The specified queue does not exist.").statusCode(400).build());

        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> thrown.get() != null);
        assertThat(thrown.get()).isInstanceOf(DestinationNotFoundException.class);
    }

    @Test
    void aListenersQueueThatIsGoneIsToldOnceThoughEveryRetryFails() {
        List<HakeException> told = new CopyOnWriteArrayList<>();
        buffer.onListenerFailure(told::add);
        buffer.listen(() -> { });
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sqs.polls.size() == 1);

        sqs.fail(0, QueueDoesNotExistException.builder().message("gone").statusCode(400).build());
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sqs.polls.size() == 2);
        sqs.fail(1, QueueDoesNotExistException.builder().message("gone").statusCode(400).build());

        assertThat(told).hasSize(1).allSatisfy(f -> assertThat(f).isInstanceOf(DestinationNotFoundException.class));
    }

    private static WireMessage decode(Message message, WireDestination from) {
        WireMessage wire = new WireMessage();
        wire.text(message.body());
        wire.messageId("ID:" + message.messageId());
        return wire;
    }
}
