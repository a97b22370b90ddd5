package dev.hake.core.selector;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * OR and AND of the condition arrays of one attribute. A message attribute has one value of one
 * type, so AND can be computed pairwise and is exact where it can be, and wider where it cannot.
 */
final class Conditions {

    /** Policy strings longer than this are not worth their share of the 256 KB policy limit. */
    private static final int MAX_STRING_LENGTH = 64;

    private Conditions() {
    }

    /** Either array: their entries together, or just {"exists": true} when either has it. */
    static List<Condition> union(List<Condition> a, List<Condition> b) {
        Set<Condition> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all.contains(Condition.Exists.INSTANCE) ? List.of(Condition.Exists.INSTANCE) : List.copyOf(all);
    }

    /** Both arrays; empty when no single value can satisfy both. */
    static List<Condition> intersection(List<Condition> a, List<Condition> b) {
        Set<Condition> out = new LinkedHashSet<>();
        for (Condition c : a) {
            for (Condition d : b) {
                Condition both = both(c, d);
                if (both != null) {
                    out.add(both);
                }
            }
        }
        return out.contains(Condition.Exists.INSTANCE) ? List.of(Condition.Exists.INSTANCE) : List.copyOf(out);
    }

    /**
     * A condition that every value satisfying both {@code c} and {@code d} satisfies, or null when
     * no value does (for example a String condition and a Number condition).
     */
    private static Condition both(Condition c, Condition d) {
        if (c instanceof Condition.Exists) {
            return d;
        }
        if (d instanceof Condition.Exists) {
            return c;
        }
        if (d instanceof Condition.Equals) {
            Condition swap = c;
            c = d;
            d = swap;
        }
        if (c instanceof Condition.Equals e) {
            return accepts(d, e.value()) ? e : null;
        }
        if (c instanceof Condition.Numeric || d instanceof Condition.Numeric) {
            return c instanceof Condition.Numeric m1 && d instanceof Condition.Numeric m2 ? overlap(m1, m2) : null;
        }
        if (c instanceof Condition.Prefix p && d instanceof Condition.Prefix q) {
            if (p.prefix().startsWith(q.prefix())) {
                return p;
            }
            return q.prefix().startsWith(p.prefix()) ? q : null;
        }
        if (c instanceof Condition.AnythingBut x && d instanceof Condition.AnythingBut y) {
            Set<String> values = new LinkedHashSet<>(x.values());
            values.addAll(y.values());
            return new Condition.AnythingBut(new ArrayList<>(values));
        }
        return c instanceof Condition.Prefix ? c : d; // a prefix and an anything-but: keeping the prefix is wider, so safe
    }

    private static boolean accepts(Condition d, String value) {
        if (d instanceof Condition.Equals e) {
            return e.value().equals(value);
        }
        if (d instanceof Condition.Prefix p) {
            return value.startsWith(p.prefix());
        }
        if (d instanceof Condition.AnythingBut x) {
            return !x.values().contains(value);
        }
        return false; // numeric: a String value never satisfies it
    }

    private static Condition overlap(Condition.Numeric a, Condition.Numeric b) {
        BigDecimal min = a.min() == null ? b.min() : b.min() == null ? a.min() : a.min().max(b.min());
        BigDecimal max = a.max() == null ? b.max() : b.max() == null ? a.max() : a.max().min(b.max());
        return min != null && max != null && min.compareTo(max) > 0 ? null : new Condition.Numeric(min, max);
    }

    /**
     * Whether every string in {@code c} can go into a policy and be matched as plainly as it reads:
     * non-empty, short, well-formed UTF-16 (the policy must be valid UTF-8), and without quotes,
     * backslashes or control characters, whose escaping in attribute policies AWS documents
     * ambiguously.
     */
    static boolean isSafe(Condition c) {
        if (c instanceof Condition.Equals e) {
            return isSafe(e.value());
        }
        if (c instanceof Condition.Prefix p) {
            return isSafe(p.prefix());
        }
        if (c instanceof Condition.AnythingBut x) {
            return x.values().stream().allMatch(Conditions::isSafe);
        }
        return true;
    }

    private static boolean isSafe(String s) {
        if (s.isEmpty() || s.length() > MAX_STRING_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
