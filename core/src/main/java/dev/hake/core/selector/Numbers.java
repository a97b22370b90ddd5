package dev.hake.core.selector;

/**
 * Arithmetic and comparison with Java's binary numeric promotion: byte, short and int compute as
 * int, then long, float, double. Comparisons are exact between integral values and otherwise made
 * on doubles, which widening float and int to double never makes lossy (Java would compare an int
 * with a float as floats); SNS filter policies judge a float property by that same double.
 */
final class Numbers {

    private enum Rank { INT, LONG, FLOAT, DOUBLE }

    private Numbers() {
    }

    /** True for the Number types a JMS property or literal can have. */
    static boolean isNumber(Object v) {
        return v instanceof Number n && rank(n) != null;
    }

    /**
     * {@code a op b} for op one of + - * /; null when integral division by zero, which has no value
     * (Java would throw). Floating division by zero gives an infinity or NaN, as in Java.
     */
    static Number apply(char op, Number a, Number b) {
        Rank rank = rank(a).compareTo(rank(b)) >= 0 ? rank(a) : rank(b);
        switch (rank) {
            case INT: {
                int x = a.intValue();
                int y = b.intValue();
                switch (op) {
                    case '+': return x + y;
                    case '-': return x - y;
                    case '*': return x * y;
                    default: return y == 0 ? null : x / y;
                }
            }
            case LONG: {
                long x = a.longValue();
                long y = b.longValue();
                switch (op) {
                    case '+': return x + y;
                    case '-': return x - y;
                    case '*': return x * y;
                    default: return y == 0 ? null : x / y;
                }
            }
            case FLOAT: {
                float x = a.floatValue();
                float y = b.floatValue();
                switch (op) {
                    case '+': return x + y;
                    case '-': return x - y;
                    case '*': return x * y;
                    default: return x / y;
                }
            }
            default: {
                double x = a.doubleValue();
                double y = b.doubleValue();
                switch (op) {
                    case '+': return x + y;
                    case '-': return x - y;
                    case '*': return x * y;
                    default: return x / y;
                }
            }
        }
    }

    /** Unary minus with the operand promoted as Java promotes it. */
    static Number negate(Number a) {
        switch (rank(a)) {
            case INT: return -a.intValue();
            case LONG: return -a.longValue();
            case FLOAT: return -a.floatValue();
            default: return -a.doubleValue();
        }
    }

    /** Unary plus: only the promotion (a byte becomes an int). */
    static Number promote(Number a) {
        return rank(a) == Rank.INT ? (Number) a.intValue() : a;
    }

    /** {@code a op b} for a comparison operator, with Java's rules for NaN (only {@code <>} holds). */
    static boolean compare(ComparisonOperator op, Number a, Number b) {
        if (rank(a).compareTo(Rank.LONG) <= 0 && rank(b).compareTo(Rank.LONG) <= 0) {
            long x = a.longValue();
            long y = b.longValue();
            switch (op) {
                case EQUAL: return x == y;
                case NOT_EQUAL: return x != y;
                case LESS: return x < y;
                case LESS_OR_EQUAL: return x <= y;
                case GREATER: return x > y;
                default: return x >= y;
            }
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        switch (op) {
            case EQUAL: return x == y;
            case NOT_EQUAL: return x != y;
            case LESS: return x < y;
            case LESS_OR_EQUAL: return x <= y;
            case GREATER: return x > y;
            default: return x >= y;
        }
    }

    private static Rank rank(Number n) {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return Rank.INT;
        }
        if (n instanceof Long) {
            return Rank.LONG;
        }
        if (n instanceof Float) {
            return Rank.FLOAT;
        }
        return n instanceof Double ? Rank.DOUBLE : null;
    }
}
