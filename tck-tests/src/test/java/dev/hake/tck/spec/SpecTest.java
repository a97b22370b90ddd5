package dev.hake.tck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hake.embedded.junit.HakeBackendExtension;
import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * Base of the conformance tests: the backend {@code -Dhake.test.backend} chooses, a
 * {@link HakeConnectionFactory} whose destination prefix is unique to the test, and clean-up of
 * every connection and context the test opened and of every queue, topic and subscription made
 * under its prefix.
 *
 * <p>The tests themselves use only the {@code jakarta.jms} API and {@code HakeConnectionFactory};
 * only the clean-up here talks to SNS and SQS directly, since JMS has no way to delete a queue.
 */
@ExtendWith({HakeBackendExtension.class, SpecTest.DeleteCreatedResources.class})
abstract class SpecTest {

    /** How long to wait for a message that must arrive (a receive returns as soon as it does). */
    static final long WAIT = 20_000;
    /** How long to wait for a message that must not arrive. */
    static final long QUIET = 1_000;

    protected HakeTestBackend backend;
    /** Prepended to every destination name of this test. */
    protected String prefix;
    protected HakeConnectionFactory factory;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    @BeforeEach
    void openBackend(HakeTestBackend backend) {
        this.backend = backend;
        this.prefix = "s" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.factory = factory("");
    }

    /** A factory on this test's backend and prefix, with extra URI options ("" for none). */
    protected HakeConnectionFactory factory(String extraOptions) {
        String options = "prefix=" + prefix + (extraOptions.isEmpty() ? "" : "&" + extraOptions);
        return new HakeConnectionFactory(backend.hakeUri(options));
    }

    /** A client ID no other test uses. */
    protected String clientId(String name) {
        return prefix + name;
    }

    protected Connection connection() throws JMSException {
        return track(factory.createConnection());
    }

    protected Connection startedConnection() throws JMSException {
        Connection connection = connection();
        connection.start();
        return connection;
    }

    protected JMSContext context() {
        return track(factory.createContext());
    }

    protected JMSContext context(int sessionMode) {
        return track(factory.createContext(sessionMode));
    }

    /** Closes it when the test ends (closing twice is harmless in JMS). */
    protected <T extends AutoCloseable> T track(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    /** Receives {@code count} messages, failing if one does not come within {@link #WAIT}. */
    protected static List<Message> receive(MessageConsumer consumer, int count) throws JMSException {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = consumer.receive(WAIT);
            assertThat(message).as("message %d of %d", i + 1, count).isNotNull();
            messages.add(message);
        }
        return messages;
    }

    /** The texts of these text messages. */
    protected static List<String> texts(List<Message> messages) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (Message message : messages) {
            texts.add(((TextMessage) message).getText());
        }
        return texts;
    }

    protected static String text(Message message) throws JMSException {
        assertThat(message).isInstanceOf(TextMessage.class);
        return ((TextMessage) message).getText();
    }

    /** Asserts that nothing (more) arrives within {@link #QUIET}. */
    protected static void assertNothingMore(MessageConsumer consumer) throws JMSException {
        assertThat(consumer.receive(QUIET)).as("a message that must not arrive").isNull();
    }

    /** Code that may throw anything. */
    @FunctionalInterface
    protected interface Action {
        void run() throws Exception;
    }

    /** What the action threw, or null; for checks made where an exception cannot propagate (listeners). */
    protected static Throwable thrownBy(Action action) {
        try {
            action.run();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    /** A task running in a thread of its own, so that a test can see it block. */
    protected record Background<T>(Thread thread, CompletableFuture<T> result) {
        T get() throws Exception {
            return result.get(WAIT, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs the task in a new thread. */
    protected static <T> Background<T> inBackground(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "spec-background");
        thread.setDaemon(true);
        thread.start();
        return new Background<>(thread, result);
    }

    /** Waits until the thread is blocked (waiting) inside a method of this name. */
    protected static void awaitBlockedIn(Thread thread, String methodName) {
        await().atMost(Duration.ofMillis(WAIT)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Thread.State state = thread.getState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
                return false;
            }
            return Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getMethodName().equals(methodName));
        });
    }

    /**
     * Has a listener on {@code session} block in onMessage, runs {@code close} meanwhile on another
     * thread, and asserts that close blocked until onMessage returned (sections 6.1.8 and 6.2.15).
     */
    protected static void assertCloseWaitsForARunningListener(Connection connection, Session session, String queueName,
                                                             Action close) throws Exception {
        Queue queue = session.createQueue(queueName);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> listenerDone = new CompletableFuture<>();
        session.createConsumer(queue).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(WAIT, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listenerDone.complete(true);
        });
        Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sending.createProducer(queue).send(sending.createTextMessage("slow"));
        assertThat(entered.await(WAIT, TimeUnit.MILLISECONDS)).isTrue();

        Background<Boolean> closing = inBackground(() -> {
            close.run();
            return listenerDone.isDone();
        });
        awaitBlockedIn(closing.thread(), "close");
        release.countDown();

        assertThat(closing.get()).as("onMessage had returned when close returned").isTrue();
    }

    @AfterEach
    void closeWhatTheTestOpened() throws Exception {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * After each test (and after its {@code @AfterEach} methods closed its connections), deletes
     * every topic (with its subscriptions) and queue whose name starts with the test's prefix. The
     * SDK clients for this are made once per run.
     */
    static final class DeleteCreatedResources implements AfterEachCallback {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(DeleteCreatedResources.class);

        @Override
        public void afterEach(ExtensionContext context) {
            if (context.getTestInstance().orElse(null) instanceof SpecTest test && test.backend != null) {
                context.getRoot().getStore(NAMESPACE)
                        .getOrComputeIfAbsent(test.backend.endpoint().toString(), key -> new AwsClients(test.backend), AwsClients.class)
                        .deleteAll(test.prefix);
            }
        }
    }

    private static final class AwsClients implements ExtensionContext.Store.CloseableResource {

        private final SqsAsyncClient sqs;
        private final SnsAsyncClient sns;

        AwsClients(HakeTestBackend backend) {
            var credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(backend.accessKeyId(), backend.secretAccessKey()));
            sqs = SqsAsyncClient.builder().endpointOverride(backend.endpoint())
                    .region(Region.of(backend.region())).credentialsProvider(credentials).build();
            sns = SnsAsyncClient.builder().endpointOverride(backend.endpoint())
                    .region(Region.of(backend.region())).credentialsProvider(credentials).build();
        }

        void deleteAll(String namePrefix) {
            List<String> topicArns = new ArrayList<>();
            sns.listTopicsPaginator(r -> { }).topics().subscribe((Topic topic) -> {
                String arn = topic.topicArn();
                if (arn.substring(arn.lastIndexOf(':') + 1).startsWith(namePrefix)) {
                    topicArns.add(arn);
                }
            }).join();
            for (String topicArn : topicArns) {
                List<String> subscriptionArns = new ArrayList<>();
                sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn)).subscriptions()
                        .subscribe((Subscription s) -> subscriptionArns.add(s.subscriptionArn())).join();
                for (String subscriptionArn : subscriptionArns) {
                    sns.unsubscribe(r -> r.subscriptionArn(subscriptionArn)).join();
                }
                sns.deleteTopic(r -> r.topicArn(topicArn)).join();
            }
            for (String url : sqs.listQueues(r -> r.queueNamePrefix(namePrefix)).join().queueUrls()) {
                sqs.deleteQueue(r -> r.queueUrl(url)).join();
            }
        }

        @Override
        public void close() {
            sqs.close();
            sns.close();
        }
    }
}
