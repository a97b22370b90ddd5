package dev.hake.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The trials of one client on one scenario, one per round of {@code bench.repeat}, in round order,
 * and their medians: of each figure over the trials, and of a ratio to another client taken round by
 * round (trial i against that client's trial i, run minutes apart at most), so that a slow stretch of
 * the machine, which hits both trials of a round, cancels out instead of landing on one side.
 */
public final class Trials<T> {

    private final List<T> trials;

    public Trials(List<T> trials) {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("no trials");
        }
        this.trials = List.copyOf(trials);
    }

    public List<T> list() {
        return trials;
    }

    /** The first round's trial: what the trials share (scenario, client) is read from it. */
    public T first() {
        return trials.get(0);
    }

    public int count() {
        return trials.size();
    }

    public boolean every(Predicate<T> test) {
        return trials.stream().allMatch(test);
    }

    /** The median of {@code figure} over the trials; see {@link #median(double...)}. */
    public double median(ToDoubleFunction<T> figure) {
        return median(trials.stream().mapToDouble(figure).toArray());
    }

    /**
     * The median over the rounds both ran of this round's {@code figure} divided by the reference's
     * in the same round. With one round it is the plain ratio.
     */
    public double medianRatio(Trials<T> reference, ToDoubleFunction<T> figure) {
        int rounds = Math.min(trials.size(), reference.trials.size());
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = figure.applyAsDouble(trials.get(i)) / figure.applyAsDouble(reference.trials.get(i));
        }
        return median(ratios);
    }

    /** The smallest of the trials' figures that are numbers, or NaN. */
    public double lowest(ToDoubleFunction<T> figure) {
        return trials.stream().mapToDouble(figure).filter(Trials::isNumber).min().orElse(Double.NaN);
    }

    /** The largest of the trials' figures that are numbers, or NaN. */
    public double highest(ToDoubleFunction<T> figure) {
        return trials.stream().mapToDouble(figure).filter(Trials::isNumber).max().orElse(Double.NaN);
    }

    /**
     * Per key (a request's action), the median over the trials, a key a trial does not have counting
     * as 0 for it; keys whose median is 0 are left out. Keys in the order first seen.
     */
    public Map<String, Double> medianByKey(Function<T, Map<String, Double>> figures) {
        List<Map<String, Double>> all = trials.stream().map(figures).toList();
        Set<String> keys = new LinkedHashSet<>();
        all.forEach(m -> keys.addAll(m.keySet()));
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String key : keys) {
            double m = median(all.stream().mapToDouble(f -> f.getOrDefault(key, 0.0)).toArray());
            if (m != 0) {
                medians.put(key, m);
            }
        }
        return medians;
    }

    /**
     * The median of the values that are numbers (a figure a trial could not measure is NaN and left
     * out), the mean of the middle two for an even count; NaN if none is a number.
     */
    public static double median(double... values) {
        double[] numbers = Arrays.stream(values).filter(Trials::isNumber).sorted().toArray();
        int n = numbers.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? numbers[n / 2] : (numbers[n / 2 - 1] + numbers[n / 2]) / 2;
    }

    private static boolean isNumber(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value);
    }
}
