package dev.hake.core.selector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Term}s in simplified form: ALL and NONE absorbed, nested AND in AND and OR in OR
 * flattened, and the tests of one attribute merged, because a policy object can name an attribute
 * only once. Merging uses maps keyed by name, so a chain of thousands of terms costs linear time.
 */
final class Terms {

    private Terms() {
    }

    /** A test on attribute {@code name}; ALL when the name can never be a native attribute. */
    static Term test(String name, List<Condition> anyOf) {
        if (!AttributeNames.isFilterable(name)) {
            return Term.Constant.ALL;
        }
        if (anyOf.isEmpty()) {
            return Term.Constant.NONE;
        }
        // Unsafe strings are dropped for the wider "exists": every condition here implies presence.
        boolean safe = anyOf.stream().allMatch(Conditions::isSafe);
        return new Term.Test(name, safe ? Conditions.union(anyOf, List.of()) : List.of(Condition.Exists.INSTANCE));
    }

    /** The attribute is present. */
    static Term exists(String name) {
        return test(name, List.of(Condition.Exists.INSTANCE));
    }

    static Term and(List<Term> terms) {
        Map<String, List<Condition>> tests = new LinkedHashMap<>();
        List<Term> others = new ArrayList<>();
        for (Term t : terms) {
            for (Term part : t instanceof Term.AllOf all ? all.terms() : List.of(t)) {
                if (part == Term.Constant.NONE) {
                    return Term.Constant.NONE;
                }
                if (part instanceof Term.Test test) {
                    List<Condition> before = tests.get(test.name());
                    List<Condition> merged = before == null ? test.anyOf() : Conditions.intersection(before, test.anyOf());
                    if (merged.isEmpty()) {
                        return Term.Constant.NONE;
                    }
                    tests.put(test.name(), merged);
                } else if (part != Term.Constant.ALL) {
                    others.add(part);
                }
            }
        }
        return combine(tests, others, true);
    }

    static Term or(List<Term> terms) {
        Map<String, List<Condition>> tests = new LinkedHashMap<>();
        List<Term> others = new ArrayList<>();
        for (Term t : terms) {
            for (Term part : t instanceof Term.AnyOf any ? any.terms() : List.of(t)) {
                if (part == Term.Constant.ALL) {
                    return Term.Constant.ALL;
                }
                if (part instanceof Term.Test test) {
                    tests.merge(test.name(), test.anyOf(), Conditions::union);
                } else if (part != Term.Constant.NONE) {
                    others.add(part);
                }
            }
        }
        return combine(tests, others, false);
    }

    private static Term combine(Map<String, List<Condition>> tests, List<Term> others, boolean isAnd) {
        List<Term> parts = new ArrayList<>(tests.size() + others.size());
        tests.forEach((name, anyOf) -> parts.add(new Term.Test(name, anyOf)));
        parts.addAll(others);
        if (parts.isEmpty()) {
            return isAnd ? Term.Constant.ALL : Term.Constant.NONE;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return isAnd ? new Term.AllOf(parts) : new Term.AnyOf(parts);
    }
}
