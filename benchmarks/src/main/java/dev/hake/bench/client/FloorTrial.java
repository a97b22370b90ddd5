package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Payload;
import dev.hake.bench.Samples;
import dev.hake.bench.SdkClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/** The floor client's producer and its long-poll consumers on one scenario. */
final class FloorTrial implements Trial, DrainConsumers {

    private static final int WAIT_SECONDS = 20;
    private static final long RETRY_MILLIS = 100;

    private final SdkClients aws;
    private final String topicArn;
    private final List<String> queueUrls;
    private final int consumersPerQueue;
    private final Deliveries deliveries;
    private final BatchSender sender;
    private volatile boolean stopped;

    /**
     * @param topicArn  the topic the producer publishes to, or null to send to the one queue
     * @param queueUrls the queues consumed: the queue, or the topic's subscription queues
     */
    FloorTrial(SdkClients aws, String topicArn, List<String> queueUrls, int consumersPerQueue, Deliveries deliveries) {
        this.aws = aws;
        this.topicArn = topicArn;
        this.queueUrls = queueUrls;
        this.consumersPerQueue = consumersPerQueue;
        this.deliveries = deliveries;
        this.sender = new BatchSender(aws, topicArn, queueUrls.get(0));
    }

    @Override
    public void send(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws InterruptedException {
        if (count > 1) {
            sender.send(firstSeq, count, bodyBytes, sendLatency);
            return;
        }
        // A lone message: the cheapest and quickest request is the single send.
        String body = Payload.body(firstSeq, bodyBytes);
        long start = System.nanoTime();
        if (topicArn != null) {
            aws.sns().publish(r -> r.topicArn(topicArn).message(body)).join();
        } else {
            aws.sqs().sendMessage(r -> r.queueUrl(queueUrls.get(0)).messageBody(body)).join();
        }
        sendLatency.add(System.nanoTime() - start);
    }

    /** Starts every consumer: on each queue, chains of long polls, each followed by the next as soon as it lands. */
    @Override
    public void start() {
        for (int q = 0; q < queueUrls.size(); q++) {
            for (int c = 0; c < consumersPerQueue; c++) {
                poll(q);
            }
        }
    }

    private void poll(int subscription) {
        if (stopped) {
            return;
        }
        String url = queueUrls.get(subscription);
        aws.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(BatchSender.MAX_BATCH)
                        .waitTimeSeconds(WAIT_SECONDS))
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
    public void acknowledgeRemaining() {
        // every receive's messages are deleted at once
    }

    @Override
    public void close() {
        stopped = true;
        aws.close();
    }
}
