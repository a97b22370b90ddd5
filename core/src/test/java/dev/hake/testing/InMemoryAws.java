package dev.hake.testing;

import dev.hake.core.CoreThreads;
import dev.hake.core.HakeSettings;
import dev.hake.core.aws.AwsClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * SNS and SQS in memory, for unit tests: {@link #clients()} gives the real core a pair of SDK
 * clients ({@link InMemorySqs}, {@link InMemorySns}) that answer from here, with no sockets, so
 * that the core's poll policy, batching and reading of answers, and the faces above it, run as
 * they do on AWS. Every client made here sees the same queues and topics, as every connection
 * of an application sees the same account; closing a client leaves them, closing this drops them.
 *
 * <p>The request is applied before the call returns, as if the network took no time, and its future
 * is completed by a pool of this backend's, as the SDK's are by its completion executor: often
 * before the caller has attached anything to it, so a stage attached under a lock may run at once
 * (the core's Poller allows for that; over HTTP it is rare). A long poll waits without a thread: a
 * timer answers it at its deadline, or a send, a release or a visibility timeout running out
 * answers it earlier.
 *
 * <p>What it models and what it does not is said on {@link InMemorySqs} and {@link InMemorySns}.
 * Each instance is an account of its own (its own id in URLs and ARNs, its own endpoint name in
 * {@link #settings()}), so that the JVM-wide registries of the core keep instances apart.
 */
public final class InMemoryAws implements AutoCloseable {

    public static final String REGION = "us-east-1";
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int instance = INSTANCES.incrementAndGet();
    private final String account = String.format("%012d", 100_000_000_000L + instance);
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(CoreThreads.daemon("in-memory-aws-" + instance + "-timer"));
    private final ExecutorService completions =
            Executors.newFixedThreadPool(2, CoreThreads.daemon("in-memory-aws-" + instance + "-answers"));
    /** Queues by name; the lock of this map guards only creation, deletion and listing. */
    private final Map<String, InMemoryQueue> queues = new TreeMap<>();
    /** Topics by ARN; the lock of this map guards only creation, deletion and listing. */
    private final Map<String, InMemoryTopic> topics = new TreeMap<>();
    private volatile boolean closed;

    /**
     * Settings for a core on this backend: its region, and an endpoint that names it, never dialled.
     * The name keeps this backend apart in the core's JVM-wide registries (subscription claims), and
     * an endpoint makes the core treat it as an emulator, which it is: a short poll sees the whole queue.
     */
    public HakeSettings.Builder settings() {
        return HakeSettings.builder().region(REGION).endpoint(URI.create("memory://in-memory-aws-" + instance));
    }

    /** A new pair of clients on this backend, for one core; the core closes them. */
    public AwsClients clients() {
        return AwsClients.of(new InMemorySqs(this), new InMemorySns(this), REGION);
    }

    /** How many messages the queue named {@code name} holds, visible, in flight or delayed; 0 if there is no such queue. */
    public int messagesOn(String name) {
        return queueNamed(name).map(InMemoryQueue::size).orElse(0);
    }

    String account() {
        return account;
    }

    String queueUrl(String name) {
        return "https://sqs." + REGION + ".amazonaws.com/" + account + "/" + name;
    }

    String arn(String service, String name) {
        return "arn:aws:" + service + ":" + REGION + ":" + account + ":" + name;
    }

    /** The topic named {@code name}, made by {@code create} if there is none. */
    InMemoryTopic topicOrCreate(String name, Supplier<InMemoryTopic> create) {
        synchronized (topics) {
            return topics.computeIfAbsent(arn("sns", name), arn -> create.get());
        }
    }

    Optional<InMemoryTopic> topicWithArn(String arn) {
        synchronized (topics) {
            return Optional.ofNullable(arn == null ? null : topics.get(arn));
        }
    }

    /** Every topic, by ARN. */
    List<InMemoryTopic> allTopics() {
        synchronized (topics) {
            return new ArrayList<>(topics.values());
        }
    }

    void removeTopic(String arn) {
        synchronized (topics) {
            topics.remove(arn);
        }
    }

    /** The queue named {@code name}, made by {@code create} if there is none. */
    InMemoryQueue queueOrCreate(String name, Supplier<InMemoryQueue> create) {
        synchronized (queues) {
            return queues.computeIfAbsent(name, n -> create.get());
        }
    }

    Optional<InMemoryQueue> queueNamed(String name) {
        synchronized (queues) {
            return Optional.ofNullable(queues.get(name));
        }
    }

    /** The queue at {@code url}; a URL of another account or of a deleted queue finds nothing. */
    Optional<InMemoryQueue> queueAt(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return queueNamed(url.substring(url.lastIndexOf('/') + 1)).filter(q -> q.url().equals(url));
    }

    Optional<InMemoryQueue> queueWithArn(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        return queueNamed(arn.substring(arn.lastIndexOf(':') + 1)).filter(q -> q.arn().equals(arn));
    }

    /** The queues whose names start with {@code prefix}, by name. */
    List<InMemoryQueue> queuesNamedFrom(String prefix) {
        synchronized (queues) {
            return queues.values().stream().filter(q -> q.name().startsWith(prefix)).toList();
        }
    }

    boolean removeQueue(InMemoryQueue queue) {
        synchronized (queues) {
            return queues.remove(queue.name(), queue);
        }
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /**
     * Applies {@code request} now and answers it on this backend's pool, as the SDK answers on its
     * completion executor: what it throws fails the future, wrapped as the SDK wraps it.
     */
    <T> CompletableFuture<T> answer(Supplier<T> request) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            T value = request.get();
            complete(answer, value);
        } catch (RuntimeException e) {
            fail(answer, e);
        }
        return answer;
    }

    /** {@link #answer}, or for a client that is closed the SDK's failure, without asking the backend. */
    <T> CompletableFuture<T> answer(boolean clientClosed, String service, Supplier<T> request) {
        if (!clientClosed) {
            return answer(request);
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        fail(answer, SdkClientException.create("the in-memory " + service + " client is closed"));
        return answer;
    }

    /** Completes {@code future} on this backend's pool (at once, if the backend is closed). */
    <T> void complete(CompletableFuture<T> future, T value) {
        try {
            completions.execute(() -> future.complete(value));
        } catch (RejectedExecutionException closedMeanwhile) {
            future.complete(value);
        }
    }

    <T> void fail(CompletableFuture<T> future, RuntimeException failure) {
        CompletionException wrapped = new CompletionException(failure);
        try {
            completions.execute(() -> future.completeExceptionally(wrapped));
        } catch (RejectedExecutionException closedMeanwhile) {
            future.completeExceptionally(wrapped);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Answers every long poll still waiting (with no messages, as the embedded backend does when a
     * queue goes away), so that the cores on this backend can close, then stops its threads once
     * the answers are out. Clients used afterwards fail.
     */
    @Override
    public void close() {
        closed = true;
        List<InMemoryQueue> all;
        synchronized (queues) {
            all = new ArrayList<>(queues.values());
        }
        all.forEach(InMemoryQueue::answerWaitingPolls);
        timer.shutdownNow();
        completions.shutdown();
    }
}
