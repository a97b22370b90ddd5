package dev.hake.jms;

import dev.hake.core.HakeSettings;
import dev.hake.core.receive.Acknowledger;
import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReceivedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link Settlement} through core's acknowledger. A failed delivery (a listener threw, recover,
 * rollback) comes again through the consumer's receive buffer, at once and in order, with no
 * request; but when the settings count deliveries for a dead-letter queue or delay redeliveries,
 * it goes back to SQS instead, so that SQS counts each delivery (its redrive policy moves a
 * message by its receive count) and hides it for the delay.
 */
final class CoreSettlement implements Settlement {

    /** How long a closing session waits for its released messages to be visible again. */
    private static final long RELEASE_WAIT_SECONDS = 5;

    private final Acknowledger acknowledger;
    private final boolean redeliverThroughQueue;

    CoreSettlement(Acknowledger acknowledger, HakeSettings settings) {
        this.acknowledger = acknowledger;
        this.redeliverThroughQueue = settings.maxDeliveries() > 0 || settings.redeliveryDelaySeconds() > 0;
    }

    @Override
    public void delete(ReceivedMessage message) {
        acknowledger.delete(message);
    }

    @Override
    public CompletableFuture<Void> deleteAll(List<ReceivedMessage> messages) {
        return acknowledger.deleteAll(messages);
    }

    /** Released if the consumer is gone: its buffer is closed and gives what it is handed back to the queue. */
    @Override
    public void redeliver(List<Delivered> messages) {
        if (redeliverThroughQueue) {
            // Not waited for: the session goes on, and the message comes back when SQS shows it again.
            acknowledger.releaseAll(messages.stream().map(Delivered::received).toList(), true);
            return;
        }
        Map<ReceiveBuffer, List<ReceivedMessage>> byOrigin = new LinkedHashMap<>();
        for (Delivered d : messages) {
            var wire = d.received().message().copy();
            wire.deliveryCount(wire.deliveryCount() + 1);
            ReceivedMessage again = new ReceivedMessage(wire, d.received().queueUrl(), d.received().receiptHandle(),
                    d.received().sqsMessageId(), d.received().visibleAgainAtNanos());
            byOrigin.computeIfAbsent(d.origin(), o -> new ArrayList<>()).add(again);
        }
        byOrigin.forEach(ReceiveBuffer::pushBack);
    }

    /** Waits (bounded) so that whoever polls next finds them. */
    @Override
    public void release(List<ReceivedMessage> messages) {
        try {
            acknowledger.releaseAll(messages, true).get(RELEASE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A message not released in time comes back when its visibility timeout ends.
        }
    }
}
