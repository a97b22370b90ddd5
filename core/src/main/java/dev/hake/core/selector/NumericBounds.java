package dev.hake.core.selector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Turns selector numbers into SNS numeric-policy bounds. SNS compares numbers to five decimal
 * places within -10^9..10^9. A bound is rounded outward onto that grid (down for a lower bound, up
 * for an upper one) and always inclusive; so a message value that SNS itself rounds to the grid,
 * however it rounds, still lands inside. Values outside the range give no bound at all.
 */
final class NumericBounds {

    private static final BigDecimal LIMIT = BigDecimal.valueOf(1_000_000_000L);
    private static final int DECIMALS = 5;

    private NumericBounds() {
    }

    /** The greatest grid value at or below {@code n}. */
    static Optional<BigDecimal> lower(Number n) {
        return exact(n).map(v -> v.setScale(DECIMALS, RoundingMode.FLOOR)).filter(NumericBounds::inRange);
    }

    /** The least grid value at or above {@code n}. */
    static Optional<BigDecimal> upper(Number n) {
        return exact(n).map(v -> v.setScale(DECIMALS, RoundingMode.CEILING)).filter(NumericBounds::inRange);
    }

    private static Optional<BigDecimal> exact(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return Optional.empty();
            }
            // A double written with at most five decimals (0.1) stands for that grid value: any
            // number SNS reads as this double it rounds to that value. Otherwise the selector's
            // comparison is with the double's exact binary value, which is rounded outward.
            BigDecimal written = new BigDecimal(Double.toString(d));
            return Optional.of(written.stripTrailingZeros().scale() <= DECIMALS ? written : new BigDecimal(d));
        }
        return Optional.of(BigDecimal.valueOf(n.longValue()));
    }

    private static boolean inRange(BigDecimal v) {
        return v.abs().compareTo(LIMIT) <= 0;
    }
}
