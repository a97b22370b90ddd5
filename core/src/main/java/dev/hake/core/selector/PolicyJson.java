package dev.hake.core.selector;

import dev.hake.core.wire.WireAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a fitted {@link Term} as an SNS filter policy: a top-level {@code $or} of flat objects, the
 * first letting through every message with packed properties, the others the term in disjunctive
 * normal form. Flat objects keep the policy plainly valid (no nested {@code $or}, no name at two
 * levels), and expanding costs nothing extra: AWS counts combinations as if it were expanded.
 */
final class PolicyJson {

    private PolicyJson() {
    }

    /** The policy whose non-packed branches are {@code branches}, as {@link #normalForm} gives them. */
    static String render(List<Map<String, List<Condition>>> branches) {
        StringBuilder out = new StringBuilder();
        if (branches.isEmpty()) {
            appendPackedBranch(out); // nothing without packed properties can match
            return out.toString();
        }
        out.append("{\"$or\":[");
        appendPackedBranch(out);
        for (Map<String, List<Condition>> branch : branches) {
            out.append(',');
            appendObject(out, branch);
        }
        return out.append("]}").toString();
    }

    private static void appendPackedBranch(StringBuilder out) {
        out.append('{');
        Json.string(out, WireAttributes.PACKED_PROPERTIES);
        out.append(":[{\"exists\":true}]}");
    }

    private static void appendObject(StringBuilder out, Map<String, List<Condition>> object) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, List<Condition>> e : object.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            Json.string(out, e.getKey());
            out.append(":[");
            for (int i = 0; i < e.getValue().size(); i++) {
                out.append(i == 0 ? "" : ",");
                e.getValue().get(i).appendJson(out);
            }
            out.append(']');
        }
        out.append('}');
    }

    /** Combinations of the rendered policy without its hake.props branch, counted the conservative way. */
    static long combinations(List<Map<String, List<Condition>>> branches) {
        long sum = 0;
        for (Map<String, List<Condition>> branch : branches) {
            long product = 1;
            for (List<Condition> array : branch.values()) {
                product *= array.stream().mapToInt(Condition::weight).sum();
            }
            sum += product;
        }
        return sum;
    }

    /** The term as an OR of ANDs of tests; an empty list for NONE, a list holding {} for ALL. */
    static List<Map<String, List<Condition>>> normalForm(Term t) {
        if (t instanceof Term.Test test) {
            Map<String, List<Condition>> one = new LinkedHashMap<>();
            one.put(test.name(), test.anyOf());
            return List.of(one);
        }
        if (t instanceof Term.AnyOf any) {
            Set<Map<String, List<Condition>>> branches = new LinkedHashSet<>();
            any.terms().forEach(part -> branches.addAll(normalForm(part)));
            return new ArrayList<>(branches);
        }
        if (t instanceof Term.AllOf all) {
            List<Map<String, List<Condition>>> product = List.of(Map.of());
            for (Term part : all.terms()) {
                product = crossProduct(product, normalForm(part));
            }
            return product;
        }
        return t == Term.Constant.NONE ? List.of() : List.of(Map.of());
    }

    private static List<Map<String, List<Condition>>> crossProduct(List<Map<String, List<Condition>>> left,
            List<Map<String, List<Condition>>> right) {
        Set<Map<String, List<Condition>>> out = new LinkedHashSet<>();
        for (Map<String, List<Condition>> a : left) {
            for (Map<String, List<Condition>> b : right) {
                Map<String, List<Condition>> merged = new LinkedHashMap<>(a);
                boolean possible = true;
                for (Map.Entry<String, List<Condition>> e : b.entrySet()) {
                    List<Condition> both = merged.containsKey(e.getKey())
                            ? Conditions.intersection(merged.get(e.getKey()), e.getValue()) : e.getValue();
                    possible &= !both.isEmpty();
                    merged.put(e.getKey(), both);
                }
                if (possible) {
                    out.add(merged);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
