package dev.hake.embedded.internal.sns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs tasks on the calling thread and, at the same time, on helper threads. Each task goes to
 * whichever thread claims it first, and the calling thread claims every task no helper has
 * started yet. So when all helpers are busy with other callers' tasks, a caller is no slower than
 * running its tasks one after the other, and never waits for a helper to become free.
 */
final class InParallel {

    private InParallel() {
    }

    /**
     * @return the tasks' results, in the tasks' order, once all have finished
     * @throws RuntimeException the first failure, in task order, after all have finished
     */
    static <T> List<T> run(List<Supplier<T>> tasks, Executor helpers) {
        List<Claimable<T>> claimables = tasks.stream().map(Claimable::new).toList();
        for (Claimable<T> task : claimables.subList(Math.min(1, tasks.size()), tasks.size())) {
            try {
                helpers.execute(task::runUnlessClaimed);
            } catch (RejectedExecutionException shuttingDown) {
                break; // the calling thread runs what is left
            }
        }
        claimables.forEach(Claimable::runUnlessClaimed);
        claimables.forEach(Claimable::awaitEnd);
        return claimables.stream().map(Claimable::result).toList();
    }

    private static final class Claimable<T> {

        private final Supplier<T> task;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Claimable(Supplier<T> task) {
            this.task = task;
        }

        void runUnlessClaimed() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(task.get());
                } catch (Throwable e) {
                    // Whatever it is, the caller must learn of it rather than wait forever.
                    result.completeExceptionally(e);
                }
            }
        }

        void awaitEnd() {
            result.handle((value, failure) -> null).join();
        }

        T result() {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }
}
