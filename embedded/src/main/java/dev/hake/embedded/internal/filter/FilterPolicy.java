package dev.hake.embedded.internal.filter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscription filter policy with scope MessageAttributes, parsed once and matched against every
 * published message: every key must match (AND), and a key matches if any of its conditions does
 * (OR); {@code $or} offers alternative sets of keys.
 */
public final class FilterPolicy {

    private final Clause root;

    FilterPolicy(Clause root) {
        this.root = root;
    }

    /**
     * Parses a filter policy.
     *
     * @throws InvalidFilterPolicyException naming what is wrong or unsupported
     */
    public static FilterPolicy parse(String json) {
        return new FilterPolicy(new FilterPolicyParser().parse(json));
    }

    /** Whether a message with these attributes passes; attributes are keyed by name. */
    public boolean matches(Map<String, FilterAttribute> attributes) {
        Map<String, List<Candidate>> candidates = new HashMap<>();
        attributes.forEach((name, attribute) -> candidates.put(name, Candidate.of(attribute)));
        return root.matches(candidates);
    }

    /**
     * A set of keys that must all match, plus groups of alternatives ({@code $or}) of which one
     * clause per group must match.
     */
    record Clause(Map<String, List<Condition>> keys, List<List<Clause>> alternatives) {

        boolean matches(Map<String, List<Candidate>> attributes) {
            for (Map.Entry<String, List<Condition>> key : keys.entrySet()) {
                List<Candidate> values = attributes.get(key.getKey());
                if (key.getValue().stream().noneMatch(condition -> condition.matches(values))) {
                    return false;
                }
            }
            for (List<Clause> group : alternatives) {
                if (group.stream().noneMatch(clause -> clause.matches(attributes))) {
                    return false;
                }
            }
            return true;
        }
    }
}
