package dev.hake.core.receive;

import dev.hake.core.CoreApi;
import dev.hake.core.HakeSettings;

/**
 * How long a message given back after a failed delivery stays hidden before it comes again: the
 * first delay, multiplied by {@code multiplier} for each further failed delivery, never above
 * {@code maxSeconds}. It is the visibility timeout the message is given back with, so no thread
 * waits for it.
 */
@CoreApi
public record RedeliveryDelay(int firstSeconds, double multiplier, int maxSeconds) {

    /** Every failed delivery comes again at once. */
    public static final RedeliveryDelay NONE = new RedeliveryDelay(0, 1.0, 0);

    public static RedeliveryDelay of(HakeSettings settings) {
        return new RedeliveryDelay(settings.redeliveryDelaySeconds(), settings.redeliveryBackoffMultiplier(),
                settings.maxRedeliveryDelaySeconds());
    }

    /** Seconds before the next delivery of a message whose delivery number {@code failedDelivery} (1 = the first) failed. */
    public int secondsAfter(int failedDelivery) {
        if (firstSeconds == 0) {
            return 0;
        }
        double delay = firstSeconds * Math.pow(multiplier, Math.max(0, failedDelivery - 1));
        return (int) Math.min(maxSeconds, Math.round(delay));
    }
}
