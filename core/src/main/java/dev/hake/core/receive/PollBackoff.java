package dev.hake.core.receive;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a consumer waits before it polls again after failed polls: 1 s after the first failure,
 * doubling up to {@link #MAX_MILLIS}, each pause shortened by up to a fifth at random so that
 * consumers that failed together do not come back together. A success starts over.
 */
final class PollBackoff {

    static final long FIRST_MILLIS = 1_000;
    static final long MAX_MILLIS = 16_000;

    private int failuresInARow;

    /** Records a failed poll; returns the pause before the next. */
    long failed() {
        failuresInARow++;
        long full = Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(failuresInARow - 1, 20));
        return full - ThreadLocalRandom.current().nextLong(full / 5 + 1);
    }

    /** Records a successful poll; returns how many had failed in a row before it. */
    long succeeded() {
        int before = failuresInARow;
        failuresInARow = 0;
        return before;
    }

    int failuresInARow() {
        return failuresInARow;
    }
}
