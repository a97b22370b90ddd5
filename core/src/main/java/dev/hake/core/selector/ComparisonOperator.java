package dev.hake.core.selector;

/** The six comparison operators. */
enum ComparisonOperator {
    EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    boolean isEquality() {
        return this == EQUAL || this == NOT_EQUAL;
    }

    /** The operator that gives the same result with the operands swapped: {@code 5 < x} is {@code x > 5}. */
    ComparisonOperator swapped() {
        switch (this) {
            case LESS: return GREATER;
            case LESS_OR_EQUAL: return GREATER_OR_EQUAL;
            case GREATER: return LESS;
            case GREATER_OR_EQUAL: return LESS_OR_EQUAL;
            default: return this;
        }
    }
}
