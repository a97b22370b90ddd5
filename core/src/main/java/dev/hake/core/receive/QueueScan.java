package dev.hake.core.receive;

import dev.hake.core.CoreApi;
import dev.hake.core.HakeSettings;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import dev.hake.core.aws.AwsErrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One pass over what is on a queue, for a QueueBrowser. SQS cannot peek: the scan receives
 * messages, keeps them hidden until it ends so that each is seen once, and then makes them all
 * visible again at once. It costs one receive per ten messages plus one release per ten, and adds
 * one to each message's receive count (the release ledger keeps JMSRedelivered false in this
 * JVM). A scan stops after {@link #MAX_MESSAGES} messages.
 */
@CoreApi
public final class QueueScan implements AutoCloseable {

    public static final int MAX_MESSAGES = 10_000;
    /** How long scanned messages stay hidden at most if the scan is never closed. */
    private static final int HIDE_SECONDS = 60;

    private final SqsAsyncClient sqs;
    private final String queueUrl;
    private final WireDestination source;
    private final MessageDecoder decoder;
    private final Acknowledger acknowledger;
    private final boolean confirmEmptyWithLongPoll;
    private final Predicate<WireMessage> filter;
    private final Deque<WireMessage> ready = new ArrayDeque<>();
    private final List<ReceivedMessage> held = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private boolean exhausted;

    public QueueScan(SqsAsyncClient sqs, String queueUrl, WireDestination source, MessageDecoder decoder,
                     Acknowledger acknowledger, HakeSettings settings, Predicate<WireMessage> filter) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.source = source;
        this.decoder = decoder;
        this.acknowledger = acknowledger;
        // SQS answers a short poll from a sample of its servers; emulators answer it whole.
        this.confirmEmptyWithLongPoll = settings.endpoint().isEmpty() && !settings.embedded();
        this.filter = filter;
    }

    /** The next message on the queue, or null when the scan has seen them all. */
    public synchronized WireMessage next() {
        while (ready.isEmpty() && !exhausted) {
            fetch();
        }
        return ready.pollFirst();
    }

    public synchronized boolean hasNext() {
        while (ready.isEmpty() && !exhausted) {
            fetch();
        }
        return !ready.isEmpty();
    }

    /** A message of one answer that the browse will show: as SQS sent it, and decoded. */
    private record Scanned(Message raw, WireMessage wire) {
    }

    private void fetch() {
        if (seen.size() >= MAX_MESSAGES) {
            finish();
            return;
        }
        List<Message> batch = receive(0);
        if (batch.isEmpty() && confirmEmptyWithLongPoll) {
            batch = receive(1);
        }
        int fresh = 0;
        List<Scanned> readyNow = new ArrayList<>();
        for (Message m : batch) {
            ReceivedMessage r = new ReceivedMessage(null, queueUrl, m.receiptHandle(), m.messageId(), 0);
            held.add(r);
            if (!seen.add(m.messageId())) {
                continue;
            }
            fresh++;
            try {
                WireMessage wire = decoder.decode(m, source);
                long now = System.currentTimeMillis();
                boolean expired = wire.expiration() != 0 && wire.expiration() <= now;
                boolean notYetDue = wire.deliveryTime() > now && wire.deliveryTime() > wire.timestamp();
                if (!expired && !notYetDue && filter.test(wire)) {
                    readyNow.add(new Scanned(m, wire));
                }
            } catch (RuntimeException unreadable) {
                // A consumer would not deliver it either.
            }
        }
        SentOrder.sort(readyNow, Scanned::raw, scanned -> scanned.wire().messageId());
        readyNow.forEach(scanned -> ready.add(scanned.wire()));
        if (fresh == 0) {
            finish();
        }
    }

    private List<Message> receive(int waitSeconds) {
        try {
            return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds)
                    .visibilityTimeout(HIDE_SECONDS).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                            MessageSystemAttributeName.SENT_TIMESTAMP, MessageSystemAttributeName.AWS_TRACE_HEADER))
                    .thenCompose(answer -> decoder.fetchBodies(answer, queueUrl)).join().messages();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "SQS ReceiveMessage for a browse [queue=" + queueUrl + "]");
        }
    }

    private void finish() {
        exhausted = true;
        releaseHeld();
    }

    /** Waits for the releases: a browse or receive right after this one must see the messages. */
    private void releaseHeld() {
        acknowledger.releaseAll(held, false).join();
        held.clear();
    }

    /** Ends the scan early; whatever it holds is visible again at once. */
    @Override
    public synchronized void close() {
        exhausted = true;
        ready.clear();
        releaseHeld();
    }
}
