package dev.hake.bench.run;

import dev.hake.bench.proxy.RequestCounts;

/**
 * Lone messages on an idle queue: how long one send takes, and how long until the waiting
 * consumer has the message.
 *
 * @param requests every request while the messages trickled in, idle polls included
 */
public record LatencyResult(String client, int messages, int delivered, double sendP50, double sendP99,
                            double receiveP50, double receiveP99, RequestCounts requests, String error) {
}
