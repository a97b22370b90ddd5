package dev.hake.core.receive;

import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.core.observe.Observer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Turns one ReceiveMessage answer of one queue into what its consumer may deliver: decoded, in
 * sent order, sorted by the consumer's filter. What must not be delivered now is dealt with here:
 * an expired message is deleted, one under its delivery delay is hidden until due, an unreadable
 * one stays for the queue's redrive policy, and a second copy of a message this JVM holds is
 * dropped. Holds no state between answers; runs outside the receive buffer's lock.
 */
final class AnswerReader {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerReader.class);
    /** Messages already reported as unreadable: each is logged once, not at every redelivery. */
    private static final OncePerKey REPORTED = new OncePerKey(10_000);

    /**
     * An answer sorted by the consumer's filter. {@code polled} is what SQS returned; the rest were
     * held back. {@code dueAtNanos}: when the messages hidden for their delivery delay show up again.
     */
    record Answer(int polled, List<ReceivedMessage> arrived, List<ReceivedMessage> skipped, List<Long> dueAtNanos) {
        /** What this poll made available: a message hidden again says nothing about the rate. */
        int available() {
            return arrived.size() + skipped.size();
        }
    }

    /** A message of an answer: as SQS sent it, and decoded. */
    private record Landed(Message raw, ReceivedMessage received) {
    }

    private final String queueUrl;
    private final WireDestination source;
    private final MessageDecoder decoder;
    private final HakeSettings settings;
    private final Acknowledger acknowledger;
    private final DeliveryLedger ledger;
    private final boolean fifo;
    private final Observer observer;

    AnswerReader(String queueUrl, WireDestination source, MessageDecoder decoder, HakeSettings settings,
                 Acknowledger acknowledger, DeliveryLedger ledger, boolean fifo, Observer observer) {
        this.observer = observer;
        this.queueUrl = queueUrl;
        this.source = source;
        this.decoder = decoder;
        this.settings = settings;
        this.acknowledger = acknowledger;
        this.ledger = ledger;
        this.fifo = fifo;
    }

    Answer read(ReceiveMessageResponse response, MessageFilter filter) {
        // SQS starts the visibility timeout when it hands the messages out, which for a long poll
        // is when the answer comes back, not when the poll was sent; the expiry margin covers
        // the trip back.
        long visibleAgainAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.visibilityTimeoutSeconds());
        List<Landed> answer = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        for (Message m : response.messages()) {
            ReceivedMessage received = toReceived(m, visibleAgainAt, due);
            if (received != null) {
                answer.add(new Landed(m, received));
            }
        }
        if (!fifo) {
            // FIFO queues hand out messages in order already; sorting could only disturb it.
            SentOrder.sort(answer, Landed::raw, l -> l.received().message().messageId());
        }
        for (Landed landed : answer) {
            // In sent order: of two copies of a message sent twice in one answer, the first is the new one.
            Message m = landed.raw();
            int receiveCount = parseInt(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT), 1);
            WireMessage wire = landed.received().message();
            wire.deliveryCount(ledger.deliveryCount(queueUrl, wire.messageId(), m.messageId(), receiveCount));
        }
        List<ReceivedMessage> arrived = new ArrayList<>();
        List<ReceivedMessage> skipped = new ArrayList<>();
        for (Landed landed : answer) {
            ReceivedMessage received = landed.received();
            observer.arrived(received.message());
            switch (filter.verdict(received.message())) {
                case DELIVER -> arrived.add(received);
                case DISCARD -> acknowledger.delete(received);
                case SKIP -> skipped.add(received);
            }
        }
        return new Answer(response.messages().size(), arrived, skipped, due);
    }

    /**
     * Decodes a message; null if it is not to be delivered now (expired, unreadable, a second copy,
     * or under a delivery delay: then it is hidden until due, and when it is due is added to {@code due}).
     */
    private ReceivedMessage toReceived(Message m, long visibleAgainAtNanos, List<Long> due) {
        WireMessage wire;
        try {
            wire = decoder.decode(m, source);
        } catch (RuntimeException e) {
            // Not deliverable: leave it for the queue's redrive policy rather than lose it; the
            // consumer goes on with the next message.
            if (REPORTED.firstTime(m.messageId())) {
                LOG.warn("cannot read a received message; it stays on the queue for its redrive policy"
                        + " [queue={}, sqsMessageId={}]: {}", queueUrl, m.messageId(), e.toString());
            }
            return null;
        }
        Object unreadable = wire.properties().get(WireMessage.UNREADABLE_PROPERTY);
        if (unreadable != null && REPORTED.firstTime(m.messageId())) {
            LOG.warn("a received message is not readable as hake's; delivered as a TextMessage with its raw body and"
                    + " the reason in property {} [queue={}, sqsMessageId={}]: {}", WireMessage.UNREADABLE_PROPERTY,
                    queueUrl, m.messageId(), unreadable);
        }
        ReceivedMessage received = new ReceivedMessage(wire, queueUrl, m.receiptHandle(), m.messageId(), visibleAgainAtNanos);
        long now = System.currentTimeMillis();
        if (wire.expiration() != 0 && wire.expiration() <= now) {
            observer.expired(wire);
            acknowledger.delete(received);
            return null;
        }
        if (wire.deliveryTime() > now && wire.deliveryTime() > wire.timestamp()) {
            // Delivery delay: hide it until its time (SQS delays at most 15 minutes, topics not at all).
            long seconds = Math.min(HakeSettings.MAX_VISIBILITY_SECONDS, (wire.deliveryTime() - now + 999) / 1000);
            ledger.recordUndeliveredRelease(m.messageId());
            acknowledger.hideNow(received, (int) seconds);
            due.add(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
            return null;
        }
        if (!acknowledger.hold(received)) {
            LOG.debug("a second copy of a message still held here; not delivered again [queue={}, sqsMessageId={}]",
                    queueUrl, m.messageId());
            return null;
        }
        return received;
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
