package dev.hake.bench.run;

import dev.hake.bench.proxy.RequestCounts;
import java.util.Map;

/**
 * One hake connection with a consumer (and a MessageListener) on each of many queues.
 *
 * @param listenerMillis      how long each listener worked on its message
 * @param hakeThreadsPeak     most live threads hake had at once (its connection's thread group)
 * @param hakeThreadsIdle     hake's threads with every consumer idle, before any message
 * @param threadsAtPeak       those threads by name pattern
 * @param jvmThreadsPeak      the whole JVM's peak, in-process backend and harness included
 * @param heapDeltaBytes      heap used after GC with the connection open, less the same before it
 * @param heapAfterBytes      heap used after GC with the connection open, whole JVM
 * @param setupRequests       requests made while the consumers were created
 * @param deliveryRequests    requests from the first message sent until deletes stopped
 */
public record ScaleResult(int queues, int listenerMillis, int delivered, double setupSeconds, double deliverySeconds,
                          int hakeThreadsIdle, int hakeThreadsPeak, Map<String, Integer> threadsAtPeak,
                          int jvmThreadsPeak, long heapDeltaBytes, long heapAfterBytes,
                          RequestCounts setupRequests, RequestCounts deliveryRequests, String error) {
}
