package dev.hake.faults.proxy;

import java.util.Objects;
import java.util.Set;

/**
 * Which fault the proxy injects, into what share of which actions' requests.
 *
 * @param kind    the fault
 * @param rate    the share of eligible requests faulted, 0 to 1
 * @param actions the eligible actions (by default {@link AwsAction#MESSAGE_PATH})
 */
public record FaultPlan(FaultKind kind, double rate, Set<String> actions) {

    public FaultPlan {
        Objects.requireNonNull(kind, "kind");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be between 0 and 1, was " + rate);
        }
        actions = Set.copyOf(actions);
    }

    /** The fault on the message path. */
    public static FaultPlan onMessagePath(FaultKind kind, double rate) {
        return new FaultPlan(kind, rate, AwsAction.MESSAGE_PATH);
    }

    boolean covers(AwsAction action) {
        return actions.contains(action.name());
    }
}
