package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hake.jms.context.HakeJMSContext;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A JMSContext's life: autoStart, the connection shared by createContext(int), client ID, stop, start and close. */
class JmsContextLifecycleIT extends ContextIntegrationTest {

    private static final Duration SHORT = Duration.ofMillis(700);

    @Test
    void creatingAConsumerStartsTheConnection() {
        JMSContext context = context();
        assertThat(context.getAutoStart()).isTrue();
        Queue queue = context.createQueue("auto-start");
        context.createProducer().send(queue, "hello");

        assertThat(context.createConsumer(queue).receiveBody(String.class, WAIT)).isEqualTo("hello");
    }

    @Test
    void withoutAutoStartNothingArrivesUntilStart() {
        JMSContext context = context();
        context.setAutoStart(false);
        assertThat(context.getAutoStart()).isFalse();
        Queue queue = context.createQueue("manual-start");
        JMSConsumer consumer = context.createConsumer(queue);
        context.createProducer().send(queue, "waiting");

        assertThat(consumer.receive(1_500)).isNull();
        context.start();
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("waiting");
    }

    @Test
    void stopPausesListenersAndStartResumesThem() {
        JMSContext context = context();
        Queue queue = context.createQueue("stop-start");
        List<String> got = new CopyOnWriteArrayList<>();
        context.createConsumer(queue).setMessageListener(m -> got.add(body(m)));
        context.stop();
        context.createProducer().send(queue, "paused");

        await().during(SHORT).atMost(SHORT.multipliedBy(2)).until(got::isEmpty);
        context.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> got.equals(List.of("paused")));
    }

    @Test
    void aContextFromCreateContextSharesTheConnectionWhichClosesWithTheLastOfThem() throws Exception {
        AtomicReference<Connection> connection = new AtomicReference<>();
        JMSContext first = track(HakeJMSContext.open(() -> {
            connection.set(connection());
            return connection.get();
        }, JMSContext.AUTO_ACKNOWLEDGE));
        JMSContext second = track(first.createContext(JMSContext.CLIENT_ACKNOWLEDGE));
        assertThat(second.getSessionMode()).isEqualTo(JMSContext.CLIENT_ACKNOWLEDGE);
        assertThat(first.getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = first.createQueue("shared");

        // The second context's consumer starts the connection both use.
        JMSConsumer consumer = second.createConsumer(queue);
        first.createProducer().send(queue, "one");
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("one");

        first.close();
        assertThat(connection.get().getClientID()).isNull();
        second.createProducer().send(queue, "two");
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("two");
        second.acknowledge();

        second.close();
        assertThatThrownBy(() -> connection.get().getClientID())
                .isInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(() -> first.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                .isInstanceOf(IllegalStateRuntimeException.class);
    }

    @Test
    void closeClosesConsumersAndAClosedContextRefusesEverything() {
        JMSContext context = context();
        Queue queue = context.createQueue("closed");
        JMSConsumer consumer = context.createConsumer(queue);
        context.close();
        context.close();

        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
        List<Consumer<JMSContext>> calls = List.of(
                JMSContext::createProducer, c -> c.createConsumer(queue), JMSContext::createTextMessage,
                c -> c.createQueue("q"), JMSContext::getSessionMode, JMSContext::getTransacted,
                JMSContext::getClientID, JMSContext::getMetaData, JMSContext::start, JMSContext::stop,
                JMSContext::commit, JMSContext::rollback, JMSContext::recover, JMSContext::acknowledge,
                c -> c.createContext(JMSContext.AUTO_ACKNOWLEDGE), c -> c.setAutoStart(false),
                c -> c.setClientID("late"), c -> c.unsubscribe("sub"));
        for (Consumer<JMSContext> call : calls) {
            assertThatThrownBy(() -> call.accept(context)).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    void closeWaitsForAListenerInProgress() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("close-waits");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        context.createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            awaitQuietly(release);
            finished.set(true);
        });
        context.createProducer().send(queue, "slow");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        await().during(SHORT).atMost(SHORT.multipliedBy(2)).until(() -> !closing.isDone());
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(finished).isTrue();
    }

    @Test
    void aListenerMustNotCloseOrStopItsOwnContext() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("listener-close");
        List<RuntimeException> refused = new CopyOnWriteArrayList<>();
        context.createConsumer(queue).setMessageListener(m -> {
            for (Runnable call : List.<Runnable>of(context::close, context::stop)) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    refused.add(e);
                }
            }
        });
        context.createProducer().send(queue, "close yourself");

        await().atMost(Duration.ofSeconds(10)).until(() -> refused.size() == 2);
        assertThat(refused).allMatch(IllegalStateRuntimeException.class::isInstance);
        // Still open and working.
        assertThat(context.createTextMessage("still open")).isNotNull();
    }

    @Test
    void aCompletionListenerMustNotCloseItsOwnContextAndCloseWaitsForIt() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("completion-close");
        AtomicReference<RuntimeException> refused = new AtomicReference<>();
        CountDownLatch called = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean returned = new AtomicBoolean();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    context.close();
                } catch (RuntimeException e) {
                    refused.set(e);
                }
                called.countDown();
                awaitQuietly(release);
                returned.set(true);
            }

            @Override
            public void onException(Message message, Exception exception) {
                onCompletion(message);
            }
        };
        context.createProducer().setAsync(listener).send(queue, "async");
        assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.get()).isInstanceOf(IllegalStateRuntimeException.class);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        await().during(SHORT).atMost(SHORT.multipliedBy(2)).until(() -> !closing.isDone());
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(returned).isTrue();
    }

    @Test
    void aCompletionListenerMayStopItsOwnContext() throws Exception {
        JMSContext context = context();
        Queue queue = context.createQueue("completion-stop");
        CompletableFuture<Throwable> stopped = new CompletableFuture<>();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    context.stop();
                    stopped.complete(null);
                } catch (RuntimeException e) {
                    stopped.complete(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                stopped.complete(exception);
            }
        };
        context.createProducer().setAsync(listener).send(queue, "async");
        assertThat(stopped.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void theClientIdIsSetRightAfterCreationAndNamesDurableSubscriptions() {
        String clientId = "app-" + UUID.randomUUID().toString().substring(0, 8);
        JMSContext context = context();
        context.setClientID(clientId);
        assertThat(context.getClientID()).isEqualTo(clientId);
        Topic topic = context.createTopic("events");
        JMSConsumer subscriber = context.createDurableConsumer(topic, "billing");
        context.createProducer().send(topic, "event");
        assertThat(subscriber.receiveBody(String.class, WAIT)).isEqualTo("event");
        subscriber.close();
        context.unsubscribe("billing");

        assertThatThrownBy(() -> context.setClientID("another")).isInstanceOf(IllegalStateRuntimeException.class);
        JMSContext used = context();
        used.createProducer();
        assertThatThrownBy(() -> used.setClientID("late")).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context().setClientID("")).isInstanceOf(InvalidClientIDRuntimeException.class);
    }

    @Test
    void metaDataAndExceptionListenerAreThoseOfTheConnection() throws Exception {
        JMSContext context = context();
        ExceptionListener listener = e -> { };
        context.setExceptionListener(listener);
        assertThat(context.getExceptionListener()).isSameAs(listener);
        assertThat(context.getMetaData().getJMSMajorVersion()).isEqualTo(3);
        assertThat(context.getMetaData().getJMSProviderName()).containsIgnoringCase("hake");
    }

    @Test
    void aBadSessionModeIsRefusedNamingIt() {
        assertThatThrownBy(() -> factory.createContext(7)).isInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("7");
        assertThatThrownBy(() -> factory.createContext(backend.accessKeyId(), backend.secretAccessKey(), -1)).isInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("-1");
        JMSContext context = context();
        assertThatThrownBy(() -> context.createContext(4)).isInstanceOf(JMSRuntimeException.class)
                .hasMessageContaining("4");
    }

    private static String body(Message m) {
        try {
            return m.getBody(String.class);
        } catch (jakarta.jms.JMSException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
