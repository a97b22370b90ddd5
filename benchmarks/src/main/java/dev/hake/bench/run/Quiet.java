package dev.hake.bench.run;

import dev.hake.bench.proxy.CountingProxy;
import dev.hake.bench.proxy.RequestCounts;
import java.util.concurrent.TimeUnit;

/**
 * Waits, after the last message was consumed, until acknowledgements stop arriving: clients that
 * batch deletes send them a little later, and those requests belong to the messages just consumed.
 */
final class Quiet {

    private static final long QUIET_MILLIS = 500;
    private static final long LIMIT_MILLIS = 5_000;
    private static final long STEP_MILLIS = 50;

    private Quiet() {
    }

    /** Returns the counts once no delete or visibility change has come for {@value #QUIET_MILLIS} ms. */
    static RequestCounts afterAcknowledgements(CountingProxy proxy) throws InterruptedException {
        long start = System.nanoTime();
        long quietSince = start;
        long acks = acks(proxy.counts());
        while (elapsedMillis(start) < LIMIT_MILLIS && elapsedMillis(quietSince) < QUIET_MILLIS) {
            TimeUnit.MILLISECONDS.sleep(STEP_MILLIS);
            long now = acks(proxy.counts());
            if (now != acks) {
                acks = now;
                quietSince = System.nanoTime();
            }
        }
        return proxy.counts();
    }

    private static long acks(RequestCounts counts) {
        return counts.startingWith("Delete", "ChangeMessageVisibility");
    }

    private static long elapsedMillis(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
    }
}
