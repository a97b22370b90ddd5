package dev.hake.faults.proxy;

import java.util.List;
import java.util.Random;

/**
 * What the proxy does to a request it faults. The first three answer in the protocol's own error
 * format without forwarding, the resets cut the TCP connection (one before, one after the backend
 * applied the request), {@link #LATENCY} forwards late, and {@link #MIXED} picks one of the others
 * for each faulted request.
 */
public enum FaultKind {
    /** HTTP 500 InternalError, not forwarded. */
    INTERNAL_ERROR,
    /** HTTP 400 throttling (SQS RequestThrottled, SNS Throttling), not forwarded. */
    THROTTLING,
    /** HTTP 503 ServiceUnavailable, not forwarded. */
    UNAVAILABLE,
    /** The request is read, not forwarded, and the connection reset (SO_LINGER 0, then close). */
    RESET_BEFORE_ANSWER,
    /** The request is forwarded and its whole answer read, so the backend applied it; then the client connection is reset. */
    ANSWER_LOST_AFTER_APPLY,
    /** The request is forwarded after 1 to 3 seconds. */
    LATENCY,
    /** Each faulted request gets one of the other kinds, at random. */
    MIXED;

    private static final List<FaultKind> CONCRETE = List.of(
            INTERNAL_ERROR, THROTTLING, UNAVAILABLE, RESET_BEFORE_ANSWER, ANSWER_LOST_AFTER_APPLY, LATENCY);

    /** The kind to apply to one request: this one, or for {@link #MIXED} one of the others. */
    FaultKind concrete(Random random) {
        return this == MIXED ? CONCRETE.get(random.nextInt(CONCRETE.size())) : this;
    }

    /** True for the kinds that answer with an error document instead of forwarding. */
    boolean answersWithError() {
        return this == INTERNAL_ERROR || this == THROTTLING || this == UNAVAILABLE;
    }
}
