package dev.hake.core.observe;

import dev.hake.core.CoreApi;
import dev.hake.core.WireMessage;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What a core tells about its work, for metrics and traces: messages sent, received, settled, and
 * the AWS requests behind them. Every method is cheap, never blocks and never throws; {@link #NONE}
 * does nothing. Made by {@link Observers} from a Micrometer registry and an OpenTelemetry instance,
 * either of which may be absent, as may their libraries.
 */
@CoreApi
public interface Observer {

    Observer NONE = new Observer() {
    };

    /**
     * A message is about to be encoded for sending: its trace context goes into its properties now.
     * The returned handle hears how the send ended.
     */
    default SendObservation sending(WireMessage message) {
        return SendObservation.NONE;
    }

    /** A message arrived from SQS for a consumer (into its prefetch buffer). */
    default void arrived(WireMessage message) {
    }

    /** A message arrived past its expiration, and was deleted instead of delivered. */
    default void expired(WireMessage message) {
    }

    /** A delivered message was deleted from its queue: acknowledged, committed, or consumed by auto-acknowledge. */
    default void acknowledged(WireMessage message) {
    }

    /**
     * A delivery of {@code message} failed (a listener threw, a rollback, a recover) and it goes
     * back to its queue; with {@code maxDeliveries} reached, SQS moves it to the dead-letter queue next.
     */
    default void deliveryFailed(WireMessage message, int maxDeliveries) {
    }

    /** Messages in consumers' prefetch buffers changed by {@code delta}. */
    default void prefetched(int delta) {
    }

    /** The application got {@code message} from {@code receive()}. */
    default void received(WireMessage message) {
    }

    /** A MessageListener (or message-driven bean) is about to process {@code message}; the handle hears when it is done. */
    default ProcessObservation processing(WireMessage message) {
        return ProcessObservation.NONE;
    }

    /** Sees every AWS request of the core's clients (their actions, outcomes and batch sizes); null: none. */
    default ExecutionInterceptor requests() {
        return null;
    }
}
