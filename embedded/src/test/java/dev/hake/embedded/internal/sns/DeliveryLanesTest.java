package dev.hake.embedded.internal.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryLanesTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    /** What the target was given, by subscription ARN, in the order given. */
    private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void eachSubscriptionGetsWhatWasAddedInTheOrderAddedAcrossManyTurns() {
        DeliveryLanes lanes = new DeliveryLanes(this::record, threads);
        List<Subscription> subscriptions = List.of(subscription("a"), subscription("b"), subscription("c"));
        int publishes = 3 * DeliveryLanes.TURN_LIMIT + 7;

        for (int i = 0; i < publishes; i++) {
            String body = "m" + i;
            lanes.add(subscriptions.stream()
                    .map(s -> new DeliveryLanes.Delivery(s, List.of(notification(body)))).toList());
        }

        List<String> expected = IntStream.range(0, publishes).mapToObj(i -> "m" + i).toList();
        await().atMost(LIMIT).untilAsserted(() -> {
            for (Subscription subscription : subscriptions) {
                assertThat(delivered.get(subscription.arn())).containsExactlyElementsOf(expected);
            }
        });
    }

    @Test
    void addReturnsBeforeDeliveryAndASlowSubscriptionDoesNotHoldUpTheOthers() {
        Subscription slow = subscription("slow");
        Subscription quick = subscription("quick");
        DeliveryLanes lanes = new DeliveryLanes((notifications, subscription) -> {
            if (subscription.equals(slow)) {
                awaitRelease();
            }
            record(notifications, subscription);
        }, threads);

        lanes.add(List.of(new DeliveryLanes.Delivery(slow, List.of(notification("first"))),
                new DeliveryLanes.Delivery(quick, List.of(notification("first")))));
        lanes.add(List.of(new DeliveryLanes.Delivery(quick, List.of(notification("second")))));

        await().atMost(LIMIT).untilAsserted(() ->
                assertThat(delivered.get(quick.arn())).containsExactly("first", "second"));
        assertThat(delivered).doesNotContainKey(slow.arn());
        release.countDown();
        await().atMost(LIMIT).untilAsserted(() -> assertThat(delivered.get(slow.arn())).containsExactly("first"));
    }

    @Test
    void aFullBacklogRefusesThePublishAsThrottledAndQueuesNoneOfIt() {
        Subscription stuck = subscription("stuck");
        Subscription other = subscription("other");
        DeliveryLanes lanes = new DeliveryLanes((notifications, subscription) -> {
            awaitRelease();
            record(notifications, subscription);
        }, threads, 3, Duration.ofMillis(50));
        lanes.add(List.of(new DeliveryLanes.Delivery(stuck, List.of(notification("1"), notification("2")))));

        assertThatThrownBy(() -> lanes.add(List.of(new DeliveryLanes.Delivery(other, List.of(notification("3"))),
                new DeliveryLanes.Delivery(stuck, List.of(notification("4"))))))
                .isInstanceOf(SnsError.class)
                .hasMessageContaining("Rate exceeded")
                .satisfies(e -> assertThat(((SnsError) e).status()).isEqualTo(429));

        release.countDown();
        await().atMost(LIMIT).untilAsserted(() -> assertThat(delivered.get(stuck.arn())).containsExactly("1", "2"));
        lanes.add(List.of(new DeliveryLanes.Delivery(other, List.of(notification("5")))));
        await().atMost(LIMIT).untilAsserted(() -> assertThat(delivered.get(other.arn())).containsExactly("5"));
    }

    @Test
    void aFailedDeliveryDoesNotStopTheLane() {
        Subscription subscription = subscription("flaky");
        DeliveryLanes lanes = new DeliveryLanes((notifications, s) -> {
            if (notifications.get(0).message().equals("boom")) {
                throw new IllegalStateException("the queue said no");
            }
            record(notifications, s);
        }, Runnable::run);

        lanes.add(List.of(new DeliveryLanes.Delivery(subscription, List.of(notification("boom")))));
        lanes.add(List.of(new DeliveryLanes.Delivery(subscription, List.of(notification("after")))));

        assertThat(delivered.get(subscription.arn())).containsExactly("after");
    }

    @Test
    void deliveriesWaitingTogetherGoInOneCallPerSubscriptionState() {
        Subscription before = subscription("changing");
        Subscription after = before.withAttributes(Map.of("RawMessageDelivery", "true"));
        List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstCallStarted = new CountDownLatch(1);
        DeliveryLanes lanes = new DeliveryLanes((notifications, subscription) -> {
            firstCallStarted.countDown();
            awaitRelease();
            calls.add(notifications.stream().map(n -> n.message() + (subscription.rawMessageDelivery() ? "/raw" : ""))
                    .toList());
        }, threads);

        lanes.add(List.of(new DeliveryLanes.Delivery(before, List.of(notification("1")))));
        awaitLatch(firstCallStarted);
        lanes.add(List.of(new DeliveryLanes.Delivery(before, List.of(notification("2")))));
        lanes.add(List.of(new DeliveryLanes.Delivery(before, List.of(notification("3")))));
        lanes.add(List.of(new DeliveryLanes.Delivery(after, List.of(notification("4")))));
        release.countDown();

        await().atMost(LIMIT).untilAsserted(() ->
                assertThat(calls).containsExactly(List.of("1"), List.of("2", "3"), List.of("4/raw")));
    }

    @Test
    void deliveriesRefusedByAStoppedExecutorAreDroppedAndGiveTheirBacklogBack() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        DeliveryLanes lanes = new DeliveryLanes(this::record, stopped, 2, Duration.ofMillis(50));
        Subscription subscription = subscription("late");

        for (int i = 0; i < 5; i++) {
            lanes.add(List.of(new DeliveryLanes.Delivery(subscription, List.of(notification("m" + i)))));
        }

        assertThat(delivered).isEmpty();
    }

    private void record(List<Notification> notifications, Subscription subscription) {
        delivered.computeIfAbsent(subscription.arn(), arn -> Collections.synchronizedList(new ArrayList<>()))
                .addAll(notifications.stream().map(Notification::message).toList());
    }

    private void awaitRelease() {
        awaitLatch(release);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Subscription subscription(String name) {
        String topic = "arn:aws:sns:us-east-1:000000000000:topic";
        return new Subscription(topic + ":" + name, topic, "arn:aws:sqs:us-east-1:000000000000:" + name, name,
                Map.of(), null);
    }

    private static Notification notification(String body) {
        return new Notification("id-" + body, "arn:aws:sns:us-east-1:000000000000:topic", body, null, Map.of(),
                null, null, null, Instant.EPOCH);
    }
}
