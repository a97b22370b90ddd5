package dev.hake.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * One SQS queue in memory: its messages with their visibility, its attributes and tags, and the long
 * polls waiting on it. Everything is guarded by the queue's own lock; nothing here blocks, and the
 * lock is never held while another queue's is taken (a redrive moves messages after letting go).
 */
final class InMemoryQueue {

    private static final AtomicLong INCARNATIONS = new AtomicLong();

    /** What one ReceiveMessage asks for. */
    record Poll(int maxMessages, int waitSeconds, Integer visibilitySeconds, Set<String> systemAttributes,
                List<String> messageAttributes) {
    }

    /** A message the queue took: its id and, on a FIFO queue, its sequence number. */
    record Accepted(String messageId, long sequence) {
    }

    /** A long poll waiting for messages, and the timer that ends it empty at its wait time. */
    private record WaitingPoll(Poll poll, CompletableFuture<ReceiveMessageResponse> answer,
                               ScheduledFuture<?> deadline) {
    }

    private final InMemoryAws backend;
    private final String name;
    private final String url;
    private final String arn;
    private final boolean fifo;
    /** Tells this queue's receipt handles from those of a queue of the same name deleted before. */
    private final long incarnation = INCARNATIONS.incrementAndGet();
    private volatile QueueSettings settings;
    private final Map<String, String> tags = new TreeMap<>();
    /** In send order. */
    private final LinkedHashMap<String, StoredMessage> messages = new LinkedHashMap<>();
    private final FifoDeduplication<Accepted> deduplication = new FifoDeduplication<>();
    private final ArrayDeque<WaitingPoll> waiting = new ArrayDeque<>();
    private long sequence;
    private final WakeTimer wakeTimer;
    private boolean deleted;

    InMemoryQueue(InMemoryAws backend, String name, QueueSettings settings, Map<String, String> tags) {
        this.backend = backend;
        this.name = name;
        this.url = backend.queueUrl(name);
        this.arn = backend.arn("sqs", name);
        this.fifo = name.endsWith(".fifo");
        this.settings = settings;
        this.tags.putAll(tags);
        this.wakeTimer = new WakeTimer(backend.timer(), this::wakeUp);
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    String arn() {
        return arn;
    }

    boolean isFifo() {
        return fifo;
    }

    QueueSettings settings() {
        return settings;
    }

    /** SetQueueAttributes. */
    synchronized void changeSettings(Map<String, String> changes) {
        settings = settings.with(changes, fifo, backend::queueWithArn, false);
    }

    synchronized Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    synchronized void tag(Map<String, String> more) {
        tags.putAll(more);
    }

    synchronized int size() {
        return messages.size();
    }

    /** The queue's attributes, its counts of messages included, by attribute name. */
    synchronized Map<String, String> attributes() {
        long now = System.nanoTime();
        Map<String, String> all = new TreeMap<>(settings.values());
        all.put("QueueArn", arn);
        all.put("ApproximateNumberOfMessages", Long.toString(
                messages.values().stream().filter(m -> m.isVisible(now)).count()));
        all.put("ApproximateNumberOfMessagesNotVisible", Long.toString(
                messages.values().stream().filter(m -> m.isInFlight(now)).count()));
        all.put("ApproximateNumberOfMessagesDelayed", Long.toString(
                messages.values().stream().filter(m -> m.receiveCount == 0 && !m.isVisible(now)).count()));
        return all;
    }

    /** Takes a message; a FIFO queue takes a deduplication id it has seen in the last five minutes only once. */
    Accepted send(StoredMessage.Sent sent) {
        return locked(deadLetters -> {
            if (deleted) {
                throw AwsFailures.noSuchQueue(url);
            }
            long nowMillis = System.currentTimeMillis();
            String deduplicationId = fifo ? FifoDeduplication.idOf(sent.deduplicationId(), sent.body(),
                    settings.contentBasedDeduplication()) : null;
            if (fifo && deduplicationId == null) {
                throw AwsFailures.sqs("InvalidParameterValue", "The queue should either have ContentBasedDeduplication"
                        + " enabled or MessageDeduplicationId provided explicitly");
            }
            Accepted seen = deduplicationId == null ? null : deduplication.seen(deduplicationId, nowMillis);
            if (seen != null) {
                return seen;
            }
            int delay = sent.delaySeconds() != null ? sent.delaySeconds() : settings.delaySeconds();
            StoredMessage m = new StoredMessage(UUID.randomUUID().toString(), sent, nowMillis, ++sequence,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(delay));
            messages.put(m.messageId, m);
            Accepted accepted = new Accepted(m.messageId, m.sequence);
            if (deduplicationId != null) {
                deduplication.remember(deduplicationId, accepted, nowMillis);
            }
            serveWaitingPolls(deadLetters);
            return accepted;
        });
    }

    /** Messages moved here by another queue's redrive policy: same id, sent time and body, no receives. */
    void acceptDeadLetters(List<StoredMessage> moved) {
        locked(deadLetters -> {
            if (!deleted) {
                for (StoredMessage m : moved) {
                    messages.put(m.messageId, new StoredMessage(m.messageId, m.sent, m.sentMillis, ++sequence,
                            System.nanoTime()));
                }
                serveWaitingPolls(deadLetters);
            }
            return null;
        });
    }

    /**
     * Receives: at once what is visible now, or, for a long poll that finds nothing, when a message
     * arrives or comes back, or else empty at its wait time. The answer completes on the backend's
     * pool, as the SDK's answers complete on its completion executor.
     */
    CompletableFuture<ReceiveMessageResponse> receive(Poll poll) {
        CompletableFuture<ReceiveMessageResponse> answer = new CompletableFuture<>();
        return locked(deadLetters -> {
            if (deleted) {
                backend.fail(answer, AwsFailures.noSuchQueue(url));
                return answer;
            }
            List<Message> now = take(poll, deadLetters);
            if (!now.isEmpty() || poll.waitSeconds() == 0 || backend.isClosed()) {
                backend.complete(answer, answered(now));
                return answer;
            }
            try {
                // The deadline's task takes this queue's lock, so it finds the poll queued.
                ScheduledFuture<?> deadline = backend.timer().schedule(() -> endWait(answer), poll.waitSeconds(),
                        TimeUnit.SECONDS);
                waiting.add(new WaitingPoll(poll, answer, deadline));
                scheduleWake();
            } catch (RejectedExecutionException closedMeanwhile) {
                backend.complete(answer, answered(now));
            }
            return answer;
        });
    }

    /** Deletes the message of {@code receiptHandle}; null when done, else why SQS refuses. */
    AwsFailures.Refusal delete(String receiptHandle) {
        return locked(deadLetters -> {
            ReceiptHandle handle = ReceiptHandle.parse(receiptHandle, incarnation);
            if (handle == null) {
                return ReceiptHandle.invalid(receiptHandle);
            }
            StoredMessage m = messages.get(handle.messageId());
            if (m == null) {
                return null; // already deleted: AWS and moto answer a second delete of the same handle with success
            }
            if (m.receiveCount != handle.receive()) {
                return ReceiptHandle.superseded();
            }
            messages.remove(m.messageId);
            serveWaitingPolls(deadLetters); // a FIFO group may be free now
            return null;
        });
    }

    /** Hides the message of {@code receiptHandle} for {@code seconds} from now (0: visible at once). */
    AwsFailures.Refusal changeVisibility(String receiptHandle, int seconds) {
        return locked(deadLetters -> {
            ReceiptHandle handle = ReceiptHandle.parse(receiptHandle, incarnation);
            if (handle == null) {
                return ReceiptHandle.invalid(receiptHandle);
            }
            if (seconds < 0 || seconds > QueueSettings.MAX_VISIBILITY_SECONDS) {
                return new AwsFailures.Refusal("InvalidParameterValue", "Value " + seconds
                        + " for parameter VisibilityTimeout is invalid. Reason: must be between 0 and 43200.");
            }
            StoredMessage m = messages.get(handle.messageId());
            if (m == null) {
                return new AwsFailures.Refusal("InvalidParameterValue", "Value " + receiptHandle + " for parameter"
                        + " ReceiptHandle is invalid. Reason: Message does not exist or is not available for"
                        + " visibility timeout change.");
            }
            if (m.receiveCount != handle.receive()) {
                return ReceiptHandle.superseded();
            }
            long now = System.nanoTime();
            if (!m.isInFlight(now)) {
                return new AwsFailures.Refusal("MessageNotInflight", "The message referred to isn't in flight.");
            }
            m.visibleAtNanos = now + TimeUnit.SECONDS.toNanos(seconds);
            serveWaitingPolls(deadLetters);
            return null;
        });
    }

    synchronized void purge() {
        messages.clear();
        scheduleWake();
    }

    /** The queue was deleted: the polls waiting on it fail as AWS fails them, at once. */
    synchronized void markDeleted() {
        deleted = true;
        messages.clear();
        wakeTimer.cancel();
        for (WaitingPoll w : waiting) {
            w.deadline().cancel(false);
            backend.fail(w.answer(), AwsFailures.noSuchQueue(url));
        }
        waiting.clear();
    }

    /** The backend closes: every waiting poll ends now, with what is visible (usually nothing). */
    void answerWaitingPolls() {
        locked(deadLetters -> {
            wakeTimer.cancel();
            for (WaitingPoll w : waiting) {
                w.deadline().cancel(false);
                backend.complete(w.answer(), answered(take(w.poll(), deadLetters)));
            }
            waiting.clear();
            return null;
        });
    }

    private void endWait(CompletableFuture<ReceiveMessageResponse> answer) {
        locked(deadLetters -> {
            for (WaitingPoll w : waiting) {
                if (w.answer() == answer) {
                    waiting.remove(w);
                    backend.complete(answer, answered(take(w.poll(), deadLetters)));
                    scheduleWake();
                    break;
                }
            }
            return null;
        });
    }

    private void wakeUp() {
        locked(deadLetters -> {
            wakeTimer.fired();
            serveWaitingPolls(deadLetters);
            return null;
        });
    }

    /**
     * Runs {@code action} under this queue's lock with a list for the messages it moves aside under
     * the redrive policy, then hands those to the dead-letter queue, outside the lock.
     */
    private <T> T locked(Function<List<StoredMessage>, T> action) {
        List<StoredMessage> deadLetters = new ArrayList<>();
        T result;
        QueueSettings.Redrive redrive;
        synchronized (this) {
            result = action.apply(deadLetters);
            redrive = settings.redrive();
        }
        if (!deadLetters.isEmpty() && redrive != null) {
            backend.queueWithArn(redrive.targetArn()).ifPresent(q -> q.acceptDeadLetters(deadLetters));
        }
        return result;
    }

    /** Answers waiting polls, oldest first, while there are messages for them. Holds the lock. */
    private void serveWaitingPolls(List<StoredMessage> deadLetters) {
        while (!waiting.isEmpty()) {
            WaitingPoll w = waiting.peekFirst();
            List<Message> got = take(w.poll(), deadLetters);
            if (got.isEmpty()) {
                break;
            }
            waiting.pollFirst();
            w.deadline().cancel(false);
            backend.complete(w.answer(), answered(got));
        }
        scheduleWake();
    }

    /**
     * Receives up to the poll's maximum of the messages visible now, in send order: hides each for
     * the visibility timeout and hands it a new receipt handle. A FIFO queue skips the groups that
     * have a message in flight. A message received its redrive policy's maximum number of times
     * goes to {@code deadLetters} instead, for the dead-letter queue. Holds the lock.
     */
    private List<Message> take(Poll poll, List<StoredMessage> deadLetters) {
        long now = System.nanoTime();
        Set<String> heldGroups = fifo ? groupsHeld(now) : null;
        QueueSettings.Redrive redrive = settings.redrive();
        boolean canRedrive = redrive != null && backend.queueWithArn(redrive.targetArn()).isPresent();
        int visibility = poll.visibilitySeconds() != null ? poll.visibilitySeconds() : settings.visibilitySeconds();
        List<Message> taken = new ArrayList<>();
        Iterator<StoredMessage> it = messages.values().iterator();
        while (it.hasNext() && taken.size() < poll.maxMessages()) {
            StoredMessage m = it.next();
            if (!m.isVisible(now) || (heldGroups != null && heldGroups.contains(m.sent.groupId()))) {
                continue;
            }
            if (canRedrive && m.receiveCount >= redrive.maxReceiveCount()) {
                it.remove();
                deadLetters.add(m);
                continue;
            }
            m.receiveCount++;
            if (m.receiveCount == 1) {
                m.firstReceiveMillis = System.currentTimeMillis();
            }
            m.visibleAtNanos = now + TimeUnit.SECONDS.toNanos(visibility);
            taken.add(ReceivedForm.of(m, new ReceiptHandle(incarnation, m.messageId, m.receiveCount).toString(),
                    backend.account(), poll));
        }
        return taken;
    }

    private static ReceiveMessageResponse answered(List<Message> messages) {
        return ReceiveMessageResponse.builder().messages(messages).build();
    }

    private Set<String> groupsHeld(long now) {
        Set<String> held = new HashSet<>();
        for (StoredMessage m : messages.values()) {
            if (!m.isVisible(now)) {
                held.add(m.sent.groupId());
            }
        }
        return held;
    }

    /** While polls wait, wakes them when the next hidden message comes back. Holds the lock. */
    private void scheduleWake() {
        long now = System.nanoTime();
        Long next = null;
        if (!waiting.isEmpty()) {
            for (StoredMessage m : messages.values()) {
                if (!m.isVisible(now) && (next == null || m.visibleAtNanos - next < 0)) {
                    next = m.visibleAtNanos;
                }
            }
        }
        wakeTimer.wakeAt(next);
    }
}
