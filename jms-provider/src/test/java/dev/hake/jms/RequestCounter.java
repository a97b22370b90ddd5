package dev.hake.jms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS request of every SDK client in the test JVM, by operation name. The SDK loads
 * it for all clients from software/amazon/awssdk/global/handlers/execution.interceptors in the
 * test resources, so hake's own clients are counted without any hook in hake.
 */
public final class RequestCounter implements ExecutionInterceptor {

    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        COUNTS.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    }

    /** Requests made so far, by operation. */
    static Map<String, Long> all() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        COUNTS.forEach((operation, n) -> copy.put(operation, n.get()));
        return copy;
    }

    /** Requests made so far for an operation (e.g. "SendMessageBatch"). */
    static long count(String operation) {
        AtomicLong n = COUNTS.get(operation);
        return n == null ? 0 : n.get();
    }
}
