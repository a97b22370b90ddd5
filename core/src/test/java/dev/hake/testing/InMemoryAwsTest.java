package dev.hake.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hake.core.DestinationNotFoundException;
import dev.hake.core.aws.AwsErrors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/** The in-memory double answers as SQS and SNS do where hake's semantics depend on it. */
class InMemoryAwsTest {

    private final InMemoryAws aws = new InMemoryAws();
    private final SqsAsyncClient sqs = aws.clients().sqs();
    private final SnsAsyncClient sns = aws.clients().sns();

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void aMessageComesBackAfterItsVisibilityTimeoutAndTheOldReceiptHandleNoLongerActsOnIt() {
        String queue = createQueue("visibility");
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("hello")).join();

        Message first = receive(queue, 1).get(0);
        assertThat(first.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")
                .containsKey(MessageSystemAttributeName.SENT_TIMESTAMP);
        assertThat(receive(queue, 1)).as("hidden while in flight").isEmpty();

        Message second = await().atMost(Duration.ofSeconds(5)).until(() -> receive(queue, 1), m -> !m.isEmpty()).get(0);
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(second.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");

        assertThat(deleteInBatch(queue, first.receiptHandle())).singleElement()
                .extracting(BatchResultErrorEntry::code).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(deleteInBatch(queue, second.receiptHandle())).isEmpty();
        assertThat(deleteInBatch(queue, second.receiptHandle())).as("a second delete, as AWS answers it").isEmpty();
        assertThat(count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).isZero();
    }

    @Test
    void aReleasedMessageAnswersALongPollThatIsAlreadyWaiting() {
        String queue = createQueue("release");
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("back")).join();
        Message taken = receive(queue, 30).get(0);

        CompletableFuture<ReceiveMessageResponse> waiting =
                sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(20));
        assertThat(waiting).isNotDone();
        sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queue).entries(e -> e.id("0")
                .receiptHandle(taken.receiptHandle()).visibilityTimeout(0))).join();

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting.join().messages()).extracting(Message::body).containsExactly("back");
    }

    @Test
    void aLongPollEndsEmptyAtItsWaitTime() {
        String queue = createQueue("empty");
        CompletableFuture<ReceiveMessageResponse> waiting =
                sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting.join().messages()).isEmpty();
    }

    @Test
    void delaySecondsHidesAMessageUntilItIsDue() {
        String queue = createQueue("delay");
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("later").delaySeconds(1)).join();
        assertThat(receive(queue, 30)).isEmpty();
        assertThat(count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> receive(queue, 30), m -> !m.isEmpty());
    }

    @Test
    void aMessageReceivedMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
        String queue = createQueue("source");
        String deadLetters = createQueue("dead");
        String deadLettersArn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetters)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).join().attributes().get(QueueAttributeName.QUEUE_ARN);
        sqs.setQueueAttributes(r -> r.queueUrl(queue).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + deadLettersArn + "\",\"maxReceiveCount\":1}"))).join();
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("poison")).join();

        assertThat(receive(queue, 0)).hasSize(1);
        assertThat(receive(queue, 0)).as("moved on this receive").isEmpty();
        assertThat(receive(deadLetters, 30)).extracting(Message::body).containsExactly("poison");
    }

    @Test
    void aFifoQueueHoldsAGroupWhileOneOfItsMessagesIsInFlightAndTakesADeduplicationIdOnce() {
        String queue = sqs.createQueue(r -> r.queueName("orders.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).join().queueUrl();
        for (String body : List.of("a1", "a2", "a2-again", "b1")) {
            String dedup = body.equals("a2-again") ? "a2" : body;
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body).messageGroupId(body.substring(0, 1))
                    .messageDeduplicationId(dedup)).join();
        }
        List<Message> first = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(1)).join().messages();
        assertThat(first).extracting(Message::body).containsExactly("a1");
        assertThat(receive(queue, 30)).as("group a is held").extracting(Message::body).containsExactly("b1");
        deleteInBatch(queue, first.get(0).receiptHandle());
        assertThat(receive(queue, 30)).extracting(Message::body).containsExactly("a2");
    }

    @Test
    void aMissingQueueFailsAsTheSdkReportsIt() {
        CompletableFuture<?> send = sqs.sendMessage(r -> r.queueUrl(aws.queueUrl("nowhere")).messageBody("x"));
        assertThatThrownBy(send::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(QueueDoesNotExistException.class)
                .satisfies(e -> assertThat(AwsErrors.translate(e, "send")).isInstanceOf(DestinationNotFoundException.class));
        assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName("nowhere")).join())
                .satisfies(e -> assertThat(AwsErrors.isNotFound(e)).isTrue());
    }

    @Test
    void aTopicDeliversRawToEachSubscribedQueueWithItsAttributes() {
        String topic = sns.createTopic(r -> r.name("news")).join().topicArn();
        String one = createQueue("one");
        String two = createQueue("two");
        for (String queue : List.of(one, two)) {
            String arn = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .join().attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(arn)
                    .attributes(Map.of("RawMessageDelivery", "true"))).join();
        }
        sns.publish(r -> r.topicArn(topic).message("extra").messageAttributes(Map.of("kind",
                software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder()
                        .dataType("String").stringValue("sports").build()))).join();

        for (String queue : List.of(one, two)) {
            Message m = sqs.receiveMessage(r -> r.queueUrl(queue).messageAttributeNames("All")).join().messages().get(0);
            assertThat(m.body()).isEqualTo("extra");
            assertThat(m.messageAttributes()).containsEntry("kind",
                    MessageAttributeValue.builder().dataType("String").stringValue("sports").build());
        }
    }

    @Test
    void aClosedClientFailsButTheQueuesStay() {
        String queue = createQueue("stays");
        SqsAsyncClient other = aws.clients().sqs();
        other.close();
        assertThatThrownBy(() -> other.getQueueUrl(r -> r.queueName("stays")).join()).isInstanceOf(CompletionException.class);
        assertThat(sqs.getQueueUrl(r -> r.queueName("stays")).join().queueUrl()).isEqualTo(queue);
    }

    private String createQueue(String name) {
        return sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")))
                .join().queueUrl();
    }

    private List<Message> receive(String queue, int visibilitySeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).visibilityTimeout(visibilitySeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).join().messages();
    }

    private List<BatchResultErrorEntry> deleteInBatch(String queue, String receiptHandle) {
        return sqs.deleteMessageBatch(r -> r.queueUrl(queue).entries(e -> e.id("0").receiptHandle(receiptHandle)))
                .join().failed();
    }

    private long count(String queue, QueueAttributeName attribute) {
        return Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(attribute)).join()
                .attributes().get(attribute));
    }
}
