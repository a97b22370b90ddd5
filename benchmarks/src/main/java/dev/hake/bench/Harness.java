package dev.hake.bench;

import dev.hake.bench.backend.Backend;
import dev.hake.bench.client.TrialSetup;
import dev.hake.bench.proxy.CountingProxy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every run shares: the backend, the counting proxy in front of it, the admin client and
 * the time cap. Each trial gets a fresh name prefix, so trials never see each other's messages.
 */
public final class Harness implements AutoCloseable {

    private final Backend backend;
    private final CountingProxy proxy;
    private final Admin admin;
    private final Duration timeCap;
    private final String runId = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
    private final AtomicInteger trials = new AtomicInteger();

    /** A harness whose proxy forwards each request at once. */
    public Harness(Backend backend, Duration timeCap) {
        this(backend, timeCap, Duration.ZERO);
    }

    /** A harness whose proxy holds each request {@code requestDelay} before forwarding it. */
    public Harness(Backend backend, Duration timeCap, Duration requestDelay) {
        this.backend = backend;
        this.timeCap = timeCap;
        this.proxy = CountingProxy.start(backend.endpoint(), requestDelay);
        this.admin = new Admin(backend);
    }

    public Backend backend() {
        return backend;
    }

    public CountingProxy proxy() {
        return proxy;
    }

    public Admin admin() {
        return admin;
    }

    /** The longest a scenario may wait for its messages. */
    public Duration timeCap() {
        return timeCap;
    }

    /** A setup with a prefix no other trial has. */
    public TrialSetup newTrial() {
        return new TrialSetup(proxy.endpoint(), backend, "hb" + runId + "-" + trials.incrementAndGet() + "-", admin);
    }

    /** Deletes what the trial made; a failure here is reported, not fatal. */
    public void cleanUp(TrialSetup setup) {
        try {
            admin.deleteEverything(setup.prefix());
        } catch (RuntimeException e) {
            System.err.println("[bench] cleanup of " + setup.prefix() + "* failed: " + e);
        }
    }

    @Override
    public void close() {
        admin.close();
        proxy.close();
    }
}
