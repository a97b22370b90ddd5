package dev.hake.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * Records every AWS request of every SDK client in the test JVM: operation, queue URL or topic
 * ARN, and how many entries a batch carried. The SDK loads it for all clients from
 * software/amazon/awssdk/global/handlers/execution.interceptors in the test resources, so hake's
 * own clients are counted without any hook in hake.
 */
public final class RequestCounter implements ExecutionInterceptor {

    /** One request: the operation, what it addressed, and its entries (1 for a single-message call). */
    record Call(String operation, String target, int entries) {
    }

    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String target = request.getValueForField("QueueUrl", String.class)
                .or(() -> request.getValueForField("TopicArn", String.class)).orElse("");
        int entries = request instanceof SendMessageBatchRequest r ? r.entries().size()
                : request instanceof PublishBatchRequest r ? r.publishBatchRequestEntries().size()
                : request instanceof DeleteMessageBatchRequest r ? r.entries().size() : 1;
        CALLS.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), target, entries));
    }

    /** The requests of an operation whose queue URL or topic ARN contains {@code targetPart}. */
    static List<Call> calls(String operation, String targetPart) {
        return CALLS.stream().filter(c -> c.operation().equals(operation) && c.target().contains(targetPart)).toList();
    }
}
