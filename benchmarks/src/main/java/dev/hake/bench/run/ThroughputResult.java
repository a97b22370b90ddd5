package dev.hake.bench.run;

import dev.hake.bench.Scenario;
import dev.hake.bench.proxy.RequestCounts;
import java.util.Map;

/**
 * One client on one throughput scenario.
 *
 * @param delivered      distinct messages consumed, over all subscriptions
 * @param elapsedNanos   first send to last distinct message consumed
 * @param requests       requests from the first send until acknowledgements went quiet
 * @param cpu            CPU used over the same stretch as the requests
 * @param error          why the trial did not finish, or null
 */
public record ThroughputResult(Scenario scenario, String client, int delivered, int duplicates, long elapsedNanos,
                               double sendP50, double sendP99, double endToEndP50, double endToEndP99,
                               RequestCounts requests, CpuUse cpu, String error) {

    public boolean complete() {
        return error == null && delivered == scenario.deliveries();
    }

    /** Messages (not deliveries) per second: a topic message counts once however many subscriptions get it. */
    public double messagesPerSecond() {
        if (elapsedNanos <= 0) {
            return Double.NaN;
        }
        return (double) delivered / scenario.subscriptions() / (elapsedNanos / 1e9);
    }

    /** Requests per message sent. */
    public double requestsPerMessage() {
        return (double) requests.total() / scenario.messages();
    }

    /** The client's CPU microseconds per message consumed (a topic message once per subscription). */
    public double clientCpuMicrosPerMessage() {
        return cpu.clientMicrosPer(delivered);
    }

    public double requestsPerMessage(String action) {
        return (double) requests.of(action) / scenario.messages();
    }

    /** Requests per message sent, by action. */
    public Map<String, Double> requestsPerMessageByAction() {
        return requests.per(scenario.messages());
    }

    /** The backend's CPU microseconds per message consumed, or NaN where the benchmark cannot see it. */
    public double backendCpuMicrosPerMessage() {
        return cpu.backendMicrosPer(delivered);
    }
}
