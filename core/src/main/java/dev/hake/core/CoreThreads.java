package dev.hake.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a {@link HakeCore} runs on, brought by its owner: a scheduler (timers: ack flushes,
 * poll pacing, backoff) and a small pool on which the SDK's futures complete. The core stops them
 * once it no longer needs them: after its last receive has landed and its clients are closed.
 */
public interface CoreThreads {

    ScheduledExecutorService scheduler();

    ExecutorService completions();

    /** Called once, when the core is closed (or failed to open). */
    void stop();

    /** A timer thread and two completion threads, daemons named {@code namePrefix-timer-1}, {@code namePrefix-io-1}, .... */
    static CoreThreads daemons(String namePrefix) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon(namePrefix + "-timer"));
        ExecutorService completions = Executors.newFixedThreadPool(2, daemon(namePrefix + "-io"));
        return of(scheduler, completions, () -> {
            scheduler.shutdownNow();
            completions.shutdown();
        });
    }

    /** Threads made elsewhere (a framework's executor manager); {@code stop} shuts them down. */
    static CoreThreads of(ScheduledExecutorService scheduler, ExecutorService completions, Runnable stop) {
        return new CoreThreads() {
            @Override
            public ScheduledExecutorService scheduler() {
                return scheduler;
            }

            @Override
            public ExecutorService completions() {
                return completions;
            }

            @Override
            public void stop() {
                stop.run();
            }
        };
    }

    /** Daemon threads named {@code name-1}, {@code name-2}, ...: they never keep the JVM alive. */
    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
