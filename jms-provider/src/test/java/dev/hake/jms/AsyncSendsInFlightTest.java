package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.core.HakeCore;
import dev.hake.core.aws.AwsClients;
import dev.hake.testing.InMemoryAws;
import jakarta.jms.CompletionListener;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * A session's asynchronous sends to a standard queue travel in several requests at once (the
 * queue promises no order), while their CompletionListeners still run in send order; to a FIFO
 * queue they keep one request in flight. SQS's answers to sends are held back here until the test
 * lets them go, so that what is in flight can be counted.
 */
class AsyncSendsInFlightTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final InMemoryAws aws = new InMemoryAws();
    /** Answers to SendMessage and SendMessageBatch, held until {@link #answerAll}. */
    private final List<Runnable> heldAnswers = new CopyOnWriteArrayList<>();
    private HakeConnectionFactory factory;
    private jakarta.jms.Connection connection;

    @BeforeEach
    void open() throws Exception {
        factory = new HakeConnectionFactory(aws.settings().build(),
                (s, user, password, threads) -> HakeCore.open(s, holdingSends(aws.clients()), threads));
        connection = factory.createConnection();
        connection.start();
    }

    @AfterEach
    void close() throws Exception {
        answerAll();
        connection.close();
        aws.close();
    }

    @Test
    void asynchronousSendsToAStandardQueueTravelInSeveralRequestsAndCompleteInSendOrder() throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("invoices");
        List<String> completed = sendAsync(session, queue, 31);

        // The first leaves alone; the thirty after it fill three batches, which leave beside it, not after it.
        await().atMost(WITHIN).until(() -> heldAnswers.size() == 4);
        assertThat(completed).isEmpty();
        answerAllUntil(() -> completed.size() == 31);

        assertThat(completed).containsExactlyElementsOf(texts(31));
        assertThat(receiveAll(session, queue, 31)).containsExactlyInAnyOrderElementsOf(texts(31));
    }

    @Test
    void asynchronousSendsToAFifoQueueKeepOneRequestInFlight() throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("invoices.fifo");
        List<String> completed = sendAsync(session, queue, 20);

        await().atMost(WITHIN).until(() -> heldAnswers.size() == 1);
        answerAllUntil(() -> completed.size() == 20);

        assertThat(completed).containsExactlyElementsOf(texts(20));
        assertThat(receiveAll(session, queue, 20)).containsExactlyElementsOf(texts(20));
    }

    private List<String> sendAsync(Session session, Queue queue, int count) throws Exception {
        List<String> completed = new CopyOnWriteArrayList<>();
        MessageProducer producer = session.createProducer(queue);
        for (String text : texts(count)) {
            producer.send(session.createTextMessage(text), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    completed.add(text);
                }

                @Override
                public void onException(Message message, Exception exception) {
                    completed.add("failed: " + text + ": " + exception);
                }
            });
        }
        return completed;
    }

    private List<String> receiveAll(Session session, Queue queue, int count) throws Exception {
        MessageConsumer consumer = session.createConsumer(queue);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = consumer.receive(10_000);
            assertThat(m).as("message %d of %d", i + 1, count).isNotNull();
            texts.add(((TextMessage) m).getText());
        }
        return texts;
    }

    private static List<String> texts(int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add("invoice " + i);
        }
        return texts;
    }

    /** Lets every held answer go, and those of the requests that follow, until {@code done}. */
    private void answerAllUntil(java.util.concurrent.Callable<Boolean> done) {
        await().atMost(WITHIN).until(() -> {
            answerAll();
            return done.call();
        });
    }

    private void answerAll() {
        Set<Runnable> taken = new HashSet<>(heldAnswers);
        heldAnswers.removeAll(taken);
        taken.forEach(Runnable::run);
    }

    /** The same clients, with the answers to SendMessage and SendMessageBatch held in {@link #heldAnswers}. */
    private AwsClients holdingSends(AwsClients clients) {
        SqsAsyncClient real = clients.sqs();
        SqsAsyncClient holding = (SqsAsyncClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SqsAsyncClient.class}, (proxy, method, args) -> {
                    Object answer;
                    try {
                        answer = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (!method.getName().startsWith("sendMessage") || !(answer instanceof CompletableFuture<?> f)) {
                        return answer;
                    }
                    CompletableFuture<Object> held = new CompletableFuture<>();
                    f.whenComplete((value, failure) -> heldAnswers.add(() -> {
                        if (failure != null) {
                            held.completeExceptionally(failure);
                        } else {
                            held.complete(value);
                        }
                    }));
                    return held;
                });
        return AwsClients.of(holding, clients.sns(), InMemoryAws.REGION);
    }
}
