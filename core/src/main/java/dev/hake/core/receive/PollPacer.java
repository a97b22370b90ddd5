package dev.hake.core.receive;

import java.util.concurrent.TimeUnit;

/**
 * Decides how long one consumer waits before its next poll, so that each ReceiveMessage brings as
 * close to a full batch as the traffic allows: a request costs the same whether it returns one
 * message or ten.
 *
 * <p>It estimates the rate at which messages arrive (a moving ratio of messages to time over the
 * last poll cycles of the queue's consumers in one connection) and waits until nine tenths of a
 * batch are expected, at most {@link #MAX_PAUSE_MILLIS}. Nine tenths, not all: a full answer only
 * says that at least a batch was waiting, so an estimate made of full answers would run low and
 * stay there; aiming just short of full keeps most answers telling the true rate. Two full answers
 * in a row mean a backlog: then the next poll goes at once, and each further full answer lets one
 * more poll go at the same time (no more than {@link PollTurns} allows: one per consumer, two for a
 * lone one), until an answer comes back short.
 *
 * <p>An idle queue is unaffected: the poll after the pause is a long poll, which returns the moment
 * a message arrives. Not thread-safe; the receive buffer calls it under its lock.
 */
final class PollPacer {

    /** The longest pause: the most a message arriving during it waits for the next poll. */
    static final long MAX_PAUSE_MILLIS = 150;
    /** The share of a batch the pause waits for. */
    private static final double FILL_TARGET = 0.9;
    /** Before there is an estimate: the pause after a poll that came back at least half full. */
    static final long FIRST_PARTIAL_PAUSE_MILLIS = 40;
    /** Weight of the newest cycle in the moving ratio: high enough to follow a burst within a few polls. */
    private static final double NEWEST_WEIGHT = 0.5;
    /** A cycle longer than this (an idle long poll) counts as this long, so idleness is soon forgotten. */
    private static final long LONGEST_CYCLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private double messagesPerCycle;
    private double nanosPerCycle;
    private long lastLandedNanos;
    private int fullInARow;

    /**
     * Records a poll that landed at {@code nowNanos} with {@code polled} messages of the
     * {@code requested}, and returns how long to wait before the next one (0: at once).
     */
    long afterPoll(int polled, int requested, long nowNanos) {
        boolean hadEstimate = lastLandedNanos != 0 && nanosPerCycle > 0;
        if (lastLandedNanos != 0) {
            long cycle = Math.min(LONGEST_CYCLE_NANOS, Math.max(1, nowNanos - lastLandedNanos));
            messagesPerCycle = hadEstimate ? blend(messagesPerCycle, polled) : polled;
            nanosPerCycle = hadEstimate ? blend(nanosPerCycle, cycle) : cycle;
        }
        lastLandedNanos = nowNanos;
        boolean full = polled >= requested;
        fullInARow = full ? fullInARow + 1 : 0;
        if (polled == 0 || fullInARow >= 2) {
            // Nothing came (the long poll simply ran out), or a backlog is being drained.
            return 0;
        }
        if (messagesPerCycle <= 0 || nanosPerCycle <= 0) {
            return full ? 0 : polled * 2 < requested ? MAX_PAUSE_MILLIS : FIRST_PARTIAL_PAUSE_MILLIS;
        }
        double millisToFill = FILL_TARGET * requested * nanosPerCycle / messagesPerCycle / 1_000_000.0;
        return Math.min(MAX_PAUSE_MILLIS, Math.round(millisToFill));
    }

    /** How many polls may be in flight at once: one, and during a backlog one more per further full answer. */
    int pollsAllowedInFlight() {
        return Math.max(1, fullInARow - 1);
    }

    private static double blend(double average, double newest) {
        return average * (1 - NEWEST_WEIGHT) + newest * NEWEST_WEIGHT;
    }
}
