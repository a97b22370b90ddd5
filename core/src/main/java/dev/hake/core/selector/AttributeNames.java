package dev.hake.core.selector;

import dev.hake.core.wire.TraceContext;
import dev.hake.core.wire.WireAttributes;
import java.util.Locale;
import java.util.Set;

/**
 * Which selector identifiers a filter policy may constrain: those that can travel as native SNS
 * message attributes. Header fields ({@code JMS...}) never do. AWS takes attribute names made of
 * {@code [A-Za-z0-9_.-]}; of the characters a selector identifier can hold, that leaves ASCII
 * letters, digits and '_'. Names hake reserves are always packed. And a key named like a policy
 * operator would make SNS stop reading {@code $or} as OR, so those are left alone too. Trace
 * context ({@code traceparent}, {@code tracestate}) travels in hake's own attribute and only
 * sometimes natively as well: never constrained.
 */
final class AttributeNames {

    private static final int MAX_NAME_LENGTH = 256;
    private static final Set<String> POLICY_KEYWORDS =
            Set.of("prefix", "suffix", "numeric", "exists", "cidr", "wildcard", "anything-but", "equals-ignore-case");

    private AttributeNames() {
    }

    static boolean isFilterable(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.startsWith("JMS") || WireAttributes.isReserved(name)
                || name.equals(TraceContext.TRACEPARENT) || name.equals(TraceContext.TRACESTATE)
                || POLICY_KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
