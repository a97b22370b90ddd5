package dev.hake.core.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * Every AWS request of a connection's clients as a timer by service, action and outcome (the
 * count is the bill), and the entries of each batch request. A request retried by the SDK counts
 * once, with its last outcome; AWS bills each attempt, so under faults the bill is a little higher
 * (see docs/observability.md).
 */
final class RequestMetrics implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("hake.requestStarted");

    private final MeterRegistry registry;
    private final Meters meters;

    RequestMetrics(MeterRegistry registry, Meters meters) {
        this.registry = registry;
        this.meters = meters;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, "success");
        int entries = entries(context.request(), context.response());
        if (entries >= 0) {
            meters.batchEntries(registry, action(attributes)).record(entries);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String outcome = failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null ? aws.awsErrorDetails().errorCode()
                : failure.getClass().getSimpleName();
        record(attributes, outcome);
        meters.error(registry, outcome).increment();
    }

    private void record(ExecutionAttributes attributes, String outcome) {
        Long started = attributes.getAttribute(STARTED);
        String service = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        String action = action(attributes);
        meters.timer(new MeterKey("hake.aws.requests", service, action, outcome),
                        key -> Timer.builder(key.name()).description("AWS requests, by service, action and outcome")
                                .tags("service", service, "action", action, "outcome", outcome).register(registry))
                .record(started == null ? 0 : System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private static String action(ExecutionAttributes attributes) {
        return String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** Messages in a batch request (or a receive's answer); -1 for requests that are not batches. */
    private static int entries(SdkRequest request, SdkResponse response) {
        if (request instanceof SendMessageBatchRequest r) {
            return r.entries().size();
        }
        if (request instanceof PublishBatchRequest r) {
            return r.publishBatchRequestEntries().size();
        }
        if (request instanceof DeleteMessageBatchRequest r) {
            return r.entries().size();
        }
        if (request instanceof ChangeMessageVisibilityBatchRequest r) {
            return r.entries().size();
        }
        if (response instanceof ReceiveMessageResponse r) {
            return r.messages().size();
        }
        return -1;
    }
}
