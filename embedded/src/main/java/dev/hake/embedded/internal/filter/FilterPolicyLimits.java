package dev.hake.embedded.internal.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * SNS's limits on a filter policy's size, enforced so that a policy AWS would refuse is refused
 * here too, rather than working in tests and failing in production. SNS expands {@code $or} into
 * branches; each branch may have at most 5 keys, and the combinations of one value per key,
 * summed over all branches, may not pass 150.
 */
final class FilterPolicyLimits {

    static final int MAX_KEYS = 5;
    static final int MAX_COMBINATIONS = 150;

    private FilterPolicyLimits() {
    }

    /** @throws InvalidFilterPolicyException if a limit is passed */
    static void check(FilterPolicy.Clause root) {
        for (Branch branch : branches(root)) {
            if (branch.keys > MAX_KEYS) {
                throw FilterPolicyParser.invalid("Filter policy can not have more than " + MAX_KEYS + " keys");
            }
        }
    }

    private record Branch(int keys, long combinations) {
    }

    private static List<Branch> branches(FilterPolicy.Clause clause) {
        long combinations = 1;
        for (List<Condition> conditions : clause.keys().values()) {
            combinations *= conditions.size();
        }
        List<Branch> branches = List.of(new Branch(clause.keys().size(), combinations));
        for (List<FilterPolicy.Clause> group : clause.alternatives()) {
            List<Branch> groupBranches = new ArrayList<>();
            for (FilterPolicy.Clause alternative : group) {
                groupBranches.addAll(branches(alternative));
            }
            List<Branch> combined = new ArrayList<>();
            for (Branch left : branches) {
                for (Branch right : groupBranches) {
                    combined.add(new Branch(left.keys + right.keys, left.combinations * right.combinations));
                    checkTotal(combined);
                }
            }
            branches = combined;
        }
        checkTotal(branches);
        return branches;
    }

    /** Checked as branches are made, too: a policy far over the limit could otherwise expand exponentially. */
    private static void checkTotal(List<Branch> branches) {
        long total = 0;
        for (Branch branch : branches) {
            total += branch.combinations;
            if (total > MAX_COMBINATIONS) {
                throw FilterPolicyParser.invalid("Filter policy is too complex: more than " + MAX_COMBINATIONS
                        + " combinations");
            }
        }
    }
}
