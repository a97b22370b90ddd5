package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Payload;
import dev.hake.bench.Samples;
import dev.hake.bench.SdkClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The floor client's producer and its long-poll consumers on one scenario. */
final class FloorTrial implements Trial {

    static final int MAX_BATCH = 10;
    /** SQS's and SNS's limit on one request's messages together. */
    static final int MAX_REQUEST_BYTES = 262_144;
    private static final int BATCHES_IN_FLIGHT = 10;
    private static final int WAIT_SECONDS = 20;
    private static final long RETRY_MILLIS = 100;

    private final SdkClients aws;
    private final String topicArn;
    private final List<String> queueUrls;
    private final Deliveries deliveries;
    private volatile boolean stopped;

    FloorTrial(SdkClients aws, String topicArn, List<String> queueUrls, Deliveries deliveries) {
        this.aws = aws;
        this.topicArn = topicArn;
        this.queueUrls = queueUrls;
        this.deliveries = deliveries;
    }

    @Override
    public void send(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws InterruptedException {
        if (count == 1) {
            // A lone message: the cheapest and quickest request is the single send.
            String body = Payload.body(firstSeq, bodyBytes);
            long start = System.nanoTime();
            if (topicArn != null) {
                aws.sns().publish(r -> r.topicArn(topicArn).message(body)).join();
            } else {
                aws.sqs().sendMessage(r -> r.queueUrl(queueUrls.get(0)).messageBody(body)).join();
            }
            sendLatency.add(System.nanoTime() - start);
            return;
        }
        int perBatch = Math.max(1, Math.min(MAX_BATCH, MAX_REQUEST_BYTES / bodyBytes));
        Semaphore window = new Semaphore(BATCHES_IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int seq = firstSeq; seq < firstSeq + count; seq += perBatch) {
            window.acquire();
            List<String> bodies = new ArrayList<>();
            for (int s = seq; s < Math.min(seq + perBatch, firstSeq + count); s++) {
                bodies.add(Payload.body(s, bodyBytes));
            }
            long start = System.nanoTime();
            calls.add(sendBatch(bodies).whenComplete((failedEntries, error) -> {
                sendLatency.add(System.nanoTime() - start);
                if (error != null || failedEntries > 0) {
                    failure.compareAndSet(null, error != null ? error
                            : new IllegalStateException(failedEntries + " batch entries failed"));
                }
                window.release();
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (failure.get() != null) {
            throw new IllegalStateException("floor send failed", failure.get());
        }
    }

    /** One batch request; yields how many entries failed. */
    private CompletableFuture<Integer> sendBatch(List<String> bodies) {
        if (topicArn != null) {
            List<PublishBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                entries.add(PublishBatchRequestEntry.builder().id(Integer.toString(i)).message(bodies.get(i)).build());
            }
            return aws.sns().publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(entries))
                    .thenApply(response -> response.failed().size());
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i)).build());
        }
        return aws.sqs().sendMessageBatch(r -> r.queueUrl(queueUrls.get(0)).entries(entries))
                .thenApply(response -> response.failed().size());
    }

    /** Starts one consumer: a chain of long polls, each followed by the next as soon as it lands. */
    void startConsumer(int subscription) {
        poll(subscription);
    }

    private void poll(int subscription) {
        if (stopped) {
            return;
        }
        String url = queueUrls.get(subscription);
        aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(MAX_BATCH).waitTimeSeconds(WAIT_SECONDS))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        // Shutting down, or a hiccup: try again shortly rather than spin.
                        CompletableFuture.delayedExecutor(RETRY_MILLIS, TimeUnit.MILLISECONDS)
                                .execute(() -> poll(subscription));
                        return;
                    }
                    List<Message> messages = response.messages();
                    if (!messages.isEmpty()) {
                        messages.forEach(m -> deliveries.record(subscription, m.body()));
                        delete(url, messages);
                    }
                    poll(subscription);
                });
    }

    private void delete(String url, List<Message> messages) {
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).build());
        }
        aws.sqs().deleteMessageBatch(r -> r.queueUrl(url).entries(entries));
    }

    @Override
    public void close() {
        stopped = true;
        aws.close();
    }
}
