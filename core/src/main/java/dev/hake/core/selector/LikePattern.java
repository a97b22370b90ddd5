package dev.hake.core.selector;

import java.util.Arrays;

/**
 * A compiled LIKE pattern: {@code _} matches one character, {@code %} any run of characters, and
 * the escape character makes the next {@code _}, {@code %} or escape character literal.
 * Characters are Unicode code points, so {@code _} matches a whole surrogate pair.
 *
 * <p>Matching is the two-pointer wildcard algorithm: it backtracks only to the latest {@code %}, so
 * it takes at most O(pattern × text) steps on any input, unlike a backtracking regex, which can take
 * exponential time on patterns such as {@code %a%a%a%a%b}.
 */
final class LikePattern {

    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;

    private final int[] elements;

    private LikePattern(int[] elements) {
        this.elements = elements;
    }

    /**
     * Compiles {@code pattern}; {@code escape} is null or a one-character string.
     *
     * @throws IllegalArgumentException naming the problem, when the escape is not a single character
     *     or is used before something other than {@code _}, {@code %} or itself
     */
    static LikePattern compile(String pattern, String escape) {
        int escapeChar = -1;
        if (escape != null) {
            if (escape.codePointCount(0, escape.length()) != 1) {
                throw new IllegalArgumentException("ESCAPE must be a single character, not '" + escape + "'");
            }
            escapeChar = escape.codePointAt(0);
        }
        int[] source = pattern.codePoints().toArray();
        int[] out = new int[source.length];
        int n = 0;
        for (int i = 0; i < source.length; i++) {
            int c = source[i];
            if (c == escapeChar) {
                if (i + 1 == source.length) {
                    throw new IllegalArgumentException("LIKE pattern ends with its escape character");
                }
                int next = source[++i];
                if (next != '_' && next != '%' && next != escapeChar) {
                    throw new IllegalArgumentException("in a LIKE pattern the escape character must come before '_', '%' "
                            + "or itself, not '" + new String(Character.toChars(next)) + "'");
                }
                out[n++] = next;
            } else if (c == '%') {
                if (n == 0 || out[n - 1] != ANY_RUN) { // "%%" means the same as "%"
                    out[n++] = ANY_RUN;
                }
            } else {
                out[n++] = c == '_' ? ANY_ONE : c;
            }
        }
        return new LikePattern(Arrays.copyOf(out, n));
    }

    /** Whether the whole of {@code text} matches. */
    boolean matches(String text) {
        int[] s = text.codePoints().toArray();
        int p = 0;
        int t = 0;
        int lastRun = -1; // index in elements of the latest % passed
        int resume = 0;   // where in s that % currently stops absorbing
        while (t < s.length) {
            if (p < elements.length && (elements[p] == ANY_ONE || elements[p] == s[t])) {
                p++;
                t++;
            } else if (p < elements.length && elements[p] == ANY_RUN) {
                lastRun = p++;
                resume = t;
            } else if (lastRun >= 0) {
                // Let the latest % absorb one more character and retry what follows it.
                p = lastRun + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < elements.length && elements[p] == ANY_RUN) {
            p++;
        }
        return p == elements.length;
    }

    /** The literal characters before the first wildcard: every match starts with them. */
    String literalPrefix() {
        StringBuilder b = new StringBuilder();
        for (int e : elements) {
            if (e < 0) {
                break;
            }
            b.appendCodePoint(e);
        }
        return b.toString();
    }

    /** False when the pattern is plain text, which only that exact string matches. */
    boolean hasWildcards() {
        return Arrays.stream(elements).anyMatch(e -> e < 0);
    }
}
