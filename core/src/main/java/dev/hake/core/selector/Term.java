package dev.hake.core.selector;

import java.util.List;

/**
 * A condition on a message's attributes, built from a selector on the way to an SNS filter policy.
 * Terms have no negation, so replacing any part with {@link Constant#ALL} only lets more through;
 * that is how a policy is widened to fit AWS's limits. Build them with {@link Terms}, which keeps
 * them simplified.
 */
interface Term {

    /** Matches every message, or none. */
    enum Constant implements Term { ALL, NONE }

    /** The attribute {@code name} satisfies at least one of {@code anyOf}. */
    record Test(String name, List<Condition> anyOf) implements Term {
        public Test {
            anyOf = List.copyOf(anyOf);
        }

        int weight() {
            return anyOf.stream().mapToInt(Condition::weight).sum();
        }
    }

    /** Every one of {@code terms}. */
    record AllOf(List<Term> terms) implements Term {
        public AllOf {
            terms = List.copyOf(terms);
        }
    }

    /** At least one of {@code terms}. */
    record AnyOf(List<Term> terms) implements Term {
        public AnyOf {
            terms = List.copyOf(terms);
        }
    }
}
