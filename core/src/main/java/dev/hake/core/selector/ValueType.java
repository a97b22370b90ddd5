package dev.hake.core.selector;

/**
 * What the parser knows about the type of an expression. Properties are {@link #ANY}: their type is
 * only known per message. Literals, header fields and operators have a known type, which lets the
 * parser refuse what the specification rules out, such as {@code 'abc' + 1} or {@code TRUE > 1}.
 */
enum ValueType {
    BOOLEAN("a boolean"), STRING("a string"), NUMBER("a number"), ANY("a value");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    boolean canBeBoolean() {
        return this == BOOLEAN || this == ANY;
    }

    boolean canBeNumber() {
        return this == NUMBER || this == ANY;
    }

    boolean canBeString() {
        return this == STRING || this == ANY;
    }

    String description() {
        return description;
    }
}
