package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A poll whose answer is complete before the poller attaches its handler (an SDK that answers at
 * once, as the in-memory double of the JMS tests does) is landed off the thread that sent it: that
 * thread holds the consumer's lock, and a receive() that landed its own poll lost the signal.
 */
class ImmediateAnswerTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ReceiveBuffer buffer;

    @AfterEach
    void stop() {
        if (buffer != null) {
            buffer.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aListenerHearsOfAnAnswerReadyAtOnceOnAnotherThread() {
        AtomicReference<Thread> heardOn = new AtomicReference<>();
        buffer = bufferAnsweredAtOnce();
        buffer.listen(() -> heardOn.set(Thread.currentThread()));
        buffer.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> heardOn.get() != null);
        assertThat(heardOn.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void receiveNoWaitReturnsWhatAShortPollAnsweredAtOnceBrought() throws InterruptedException {
        buffer = bufferAnsweredAtOnce();
        buffer.start();

        ReceivedMessage got = buffer.receive(0);

        assertThat(got).isNotNull();
        assertThat(got.message().text()).isEqualTo("m0");
    }

    private ReceiveBuffer bufferAnsweredAtOnce() {
        ScriptedSqs sqs = new ScriptedSqs();
        sqs.answerAtOnce = true;
        HakeSettings settings = HakeSettings.builder().build();
        Acknowledger acknowledger = new Acknowledger(sqs, scheduler, new DeliveryLedger(),
                new HeldMessages(System::nanoTime));
        return new ReceiveBuffer(sqs, "http://127.0.0.1:1/000000000000/at-once", WireDestination.queue("at-once"),
                ImmediateAnswerTest::decode, settings, acknowledger, new DeliveryLedger(), scheduler,
                new PollsInFlight(), new PollTurnsByQueue(scheduler));
    }

    private static WireMessage decode(Message message, WireDestination from) {
        WireMessage wire = new WireMessage();
        wire.text(message.body());
        wire.messageId("ID:" + message.messageId());
        return wire;
    }
}
