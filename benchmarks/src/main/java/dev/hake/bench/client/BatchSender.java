package dev.hake.bench.client;

import dev.hake.bench.Payload;
import dev.hake.bench.Samples;
import dev.hake.bench.SdkClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The floor's producer: SendMessageBatch or PublishBatch requests of ten (fewer when 256 KiB would
 * be exceeded), ten requests in flight. Also what loads the drain scenario's backlog.
 */
public final class BatchSender {

    static final int MAX_BATCH = 10;
    /** SQS's and SNS's limit on one request's messages together. */
    static final int MAX_REQUEST_BYTES = 262_144;
    private static final int BATCHES_IN_FLIGHT = 10;

    private final SdkClients aws;
    private final String topicArn;
    private final String queueUrl;

    /** Sends to the topic if {@code topicArn} is not null, else to the queue. */
    public BatchSender(SdkClients aws, String topicArn, String queueUrl) {
        this.aws = aws;
        this.topicArn = topicArn;
        this.queueUrl = queueUrl;
    }

    /** As {@link Trial#send}: one latency sample per batch request. */
    public void send(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws InterruptedException {
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
            throw new IllegalStateException("batch send failed", failure.get());
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
        return aws.sqs().sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries))
                .thenApply(response -> response.failed().size());
    }
}
