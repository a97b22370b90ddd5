package dev.hake.embedded.internal.sns;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to subscribed queues after Publish has answered, as SNS does, with one lane per
 * subscription: a lane delivers what it was given in the order it was given, one batch at a
 * time, so a subscription receives a topic's messages in publish order, while different
 * subscriptions are served at the same time by the fan-out threads.
 *
 * <p>A lane takes up to {@link #TURN_LIMIT} waiting notifications in a turn and then yields its
 * thread to the next lane in line, so one busy subscription cannot starve the others. What waits
 * in all lanes together is bounded ({@link #BACKLOG_KIB} KiB of messages): a publish that would go
 * over waits for room, and after {@link #BACKLOG_WAIT} is refused as throttled, before
 * any of it is queued, so that memory stays bounded when publishers outrun delivery.
 */
final class DeliveryLanes {

    /** How a lane's notifications reach the queue (an {@link SqsDelivery} outside unit tests). */
    interface Target {
        void deliver(List<Notification> notifications, Subscription subscription);
    }

    /** What one publish gives one subscription. */
    record Delivery(Subscription subscription, List<Notification> notifications) {
    }

    static final int BACKLOG_KIB = 64 * 1024;
    static final int TURN_LIMIT = 100;
    static final Duration BACKLOG_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLanes.class);

    private final Target target;
    private final Executor threads;
    private final Semaphore backlog;
    private final int backlogKib;
    private final Duration backlogWait;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    DeliveryLanes(Target target, Executor threads) {
        this(target, threads, BACKLOG_KIB, BACKLOG_WAIT);
    }

    DeliveryLanes(Target target, Executor threads, int backlogKib, Duration backlogWait) {
        this.target = target;
        this.threads = threads;
        this.backlog = new Semaphore(backlogKib);
        this.backlogKib = backlogKib;
        this.backlogWait = backlogWait;
    }

    /**
     * Queues one publish's deliveries, all or none.
     *
     * @throws SnsError throttled when the backlog stays full; nothing was queued then
     */
    void add(List<Delivery> deliveries) {
        int[] sizes = deliveries.stream().mapToInt(DeliveryLanes::kib).toArray();
        // A publish larger than the whole backlog claims all of it rather than wait for ever.
        int kib = (int) Math.min(IntStream.of(sizes).asLongStream().sum(), backlogKib);
        try {
            if (!backlog.tryAcquire(kib, backlogWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw SnsError.throttled("the embedded SNS could not deliver earlier messages to their queues within "
                        + backlogWait.toMillis() + " ms; publish again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SnsError.internal("interrupted while waiting to queue a delivery");
        }
        int unclaimed = kib;
        for (int i = 0; i < sizes.length; i++) {
            int share = Math.min(sizes[i], unclaimed);
            unclaimed -= share;
            queue(deliveries.get(i), share);
        }
    }

    private void queue(Delivery delivery, int kib) {
        String arn = delivery.subscription().arn();
        boolean[] idle = new boolean[1];
        // Adding and a lane's retirement (in finishTurn) are atomic per subscription, so a lane
        // never retires with work in it, and there is never more than one lane per subscription.
        Lane lane = lanes.compute(arn, (key, existing) -> {
            Lane chosen = existing != null ? existing : new Lane(arn);
            idle[0] = chosen.add(delivery, kib);
            return chosen;
        });
        if (idle[0]) {
            schedule(lane);
        }
    }

    private void schedule(Lane lane) {
        try {
            threads.execute(() -> takeTurn(lane));
        } catch (RejectedExecutionException stopping) {
            List<Claimed> dropped = lane.takeAll();
            int count = dropped.stream().mapToInt(claimed -> claimed.delivery().notifications().size()).sum();
            LOG.warn("The embedded SNS is stopping: {} notification(s) for subscription {} not delivered",
                    count, lane.arn);
            release(dropped);
            lanes.remove(lane.arn, lane);
        }
    }

    private void takeTurn(Lane lane) {
        List<Claimed> turn = lane.takeTurn();
        try {
            deliverInOrder(turn.stream().map(Claimed::delivery).toList());
        } finally {
            release(turn);
            finishTurn(lane);
        }
    }

    private void release(List<Claimed> claims) {
        backlog.release(claims.stream().mapToInt(Claimed::kib).sum());
    }

    /** Consecutive deliveries to the same subscription state go to the queue together. */
    private void deliverInOrder(List<Delivery> turn) {
        int start = 0;
        while (start < turn.size()) {
            Subscription subscription = turn.get(start).subscription();
            List<Notification> together = new ArrayList<>();
            int end = start;
            while (end < turn.size() && turn.get(end).subscription() == subscription) {
                together.addAll(turn.get(end).notifications());
                end++;
            }
            try {
                target.deliver(together, subscription);
            } catch (RuntimeException e) {
                // SqsDelivery handles what SQS refuses; anything else must not stop the lane.
                LOG.warn("Delivery to subscription {} failed, {} notification(s) dropped", subscription.arn(),
                        together.size(), e);
            }
            start = end;
        }
    }

    private void finishTurn(Lane lane) {
        boolean[] more = new boolean[1];
        lanes.compute(lane.arn, (key, current) -> {
            more[0] = lane.endTurn();
            return more[0] ? current : null;
        });
        if (more[0]) {
            schedule(lane);
        }
    }

    /** Roughly: the bodies, plus a KiB a notification for attributes and bookkeeping. */
    private static int kib(Delivery delivery) {
        long chars = 0;
        for (Notification notification : delivery.notifications()) {
            chars += notification.message().length() + 1024L;
        }
        return (int) Math.min(Integer.MAX_VALUE, chars / 1024);
    }

    /** One subscription's waiting deliveries. Guarded by itself. */
    private static final class Lane {

        private final String arn;
        private final Deque<Claimed> waiting = new ArrayDeque<>();
        private boolean busy;

        Lane(String arn) {
            this.arn = arn;
        }

        /** @return whether the lane was idle, so the caller must schedule a turn */
        synchronized boolean add(Delivery delivery, int kib) {
            waiting.add(new Claimed(delivery, kib));
            boolean wasIdle = !busy;
            busy = true;
            return wasIdle;
        }

        synchronized List<Claimed> takeTurn() {
            List<Claimed> turn = new ArrayList<>();
            int notifications = 0;
            while (!waiting.isEmpty() && (turn.isEmpty() || notifications < TURN_LIMIT)) {
                Claimed next = waiting.poll();
                turn.add(next);
                notifications += next.delivery().notifications().size();
            }
            return turn;
        }

        synchronized List<Claimed> takeAll() {
            List<Claimed> all = new ArrayList<>(waiting);
            waiting.clear();
            busy = false;
            return all;
        }

        /** @return whether more is waiting; if not, the lane is idle again */
        synchronized boolean endTurn() {
            busy = !waiting.isEmpty();
            return busy;
        }
    }

    /** A queued delivery and the backlog it holds until it is delivered or dropped. */
    private record Claimed(Delivery delivery, int kib) {
    }
}
