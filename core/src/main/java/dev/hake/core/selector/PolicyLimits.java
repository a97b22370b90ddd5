package dev.hake.core.selector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Widens a {@link Term} until its policy fits AWS's limits: at most five attribute names and at
 * most 150 combinations (the number of values in each array multiplied together, summed over the
 * branches of {@code $or}). The policy always spends one name and one combination on the
 * {@code hake.props} branch. Widening replaces parts with ALL or a test with {"exists": true}; terms
 * have no negation, so each step only lets more messages through.
 */
final class PolicyLimits {

    static final int MAX_NAMES = 5;
    static final int MAX_COMBINATIONS = 150;

    /** Beyond this, counts are only ever compared with small limits, so they saturate here. */
    private static final long CAP = 1L << 40;

    private PolicyLimits() {
    }

    /** {@code term}, widened as little as this greedy method manages to fit beside the hake.props branch. */
    static Term fit(Term term) {
        Term named = keepNames(term, MAX_NAMES - 1);
        Term fitted = fitCombinations(named, MAX_COMBINATIONS - 1);
        // The allocation below never overshoots; this is the cheap guarantee that it cannot.
        return combinations(fitted) <= MAX_COMBINATIONS - 1 ? fitted : Term.Constant.ALL;
    }

    /** Combinations of a term's policy: each array's values multiplied together, summed over OR branches. */
    static long combinations(Term t) {
        if (t instanceof Term.Test test) {
            return test.weight();
        }
        if (t instanceof Term.AllOf all) {
            long product = 1;
            for (Term part : all.terms()) {
                product = Math.min(CAP, product * combinations(part));
            }
            return product;
        }
        if (t instanceof Term.AnyOf any) {
            long sum = 0;
            for (Term part : any.terms()) {
                sum = Math.min(CAP, sum + combinations(part));
            }
            return sum;
        }
        return t == Term.Constant.NONE ? 0 : 1;
    }

    /**
     * Keeps tests on at most {@code max} names. Names tested at the top level, which every
     * selected message must satisfy, are kept first; then others in order of first use.
     */
    private static Term keepNames(Term term, int max) {
        Set<String> ranked = new LinkedHashSet<>();
        for (Term part : term instanceof Term.AllOf all ? all.terms() : List.of(term)) {
            if (part instanceof Term.Test test) {
                ranked.add(test.name());
            }
        }
        collectNames(term, ranked);
        if (ranked.size() <= max) {
            return term;
        }
        Set<String> kept = new LinkedHashSet<>(new ArrayList<>(ranked).subList(0, max));
        return withNames(term, kept);
    }

    private static void collectNames(Term t, Set<String> into) {
        if (t instanceof Term.Test test) {
            into.add(test.name());
        } else if (t instanceof Term.AllOf all) {
            all.terms().forEach(part -> collectNames(part, into));
        } else if (t instanceof Term.AnyOf any) {
            any.terms().forEach(part -> collectNames(part, into));
        }
    }

    private static Term withNames(Term t, Set<String> kept) {
        if (t instanceof Term.Test test) {
            return kept.contains(test.name()) ? test : Term.Constant.ALL;
        }
        if (t instanceof Term.AllOf all) {
            return Terms.and(all.terms().stream().map(part -> withNames(part, kept)).toList());
        }
        if (t instanceof Term.AnyOf any) {
            return Terms.or(any.terms().stream().map(part -> withNames(part, kept)).toList());
        }
        return t;
    }

    /** {@code t} widened to at most {@code budget} (at least 1) combinations. */
    private static Term fitCombinations(Term t, long budget) {
        if (combinations(t) <= budget) {
            return t;
        }
        if (t instanceof Term.Test test) {
            return Terms.exists(test.name());
        }
        if (t instanceof Term.AnyOf any) {
            // Each branch needs at least one; the smallest branches go first and leave their unused share.
            List<Term> parts = sortedBySize(any.terms());
            if (parts.size() > budget) {
                return Term.Constant.ALL;
            }
            List<Term> fitted = new ArrayList<>(parts.size());
            long remaining = budget;
            for (int i = 0; i < parts.size(); i++) {
                Term part = fitCombinations(parts.get(i), remaining / (parts.size() - i));
                remaining -= combinations(part);
                fitted.add(part);
            }
            return Terms.or(fitted);
        }
        if (t instanceof Term.AllOf all) {
            // A factor that no longer fits is widened; every later one can still shrink to 1.
            List<Term> fitted = new ArrayList<>();
            long remaining = budget;
            for (Term part : sortedBySize(all.terms())) {
                Term f = fitCombinations(part, remaining);
                remaining /= Math.max(1, combinations(f));
                fitted.add(f);
            }
            return Terms.and(fitted);
        }
        return t;
    }

    private static List<Term> sortedBySize(List<Term> terms) {
        List<Term> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingLong(PolicyLimits::combinations));
        return sorted;
    }
}
