package dev.hake.embedded.internal.filter;

import java.util.Objects;

/**
 * A message attribute as a filter policy sees it. Binary attributes have no form here: SNS does
 * not filter on them, so they count as absent.
 *
 * @param type  how the value is to be read
 * @param value the attribute's string value (for {@link Type#STRING_ARRAY}, a JSON array)
 */
public record FilterAttribute(Type type, String value) {

    /** The attribute data types that filter policies can match. */
    public enum Type {
        /** {@code String} and {@code String.*}: compared as text. */
        STRING,
        /** {@code Number} and {@code Number.*}: compared numerically. */
        NUMBER,
        /** {@code String.Array}: a JSON array; it matches if any element matches. */
        STRING_ARRAY
    }

    public FilterAttribute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static FilterAttribute string(String value) {
        return new FilterAttribute(Type.STRING, value);
    }

    public static FilterAttribute number(String value) {
        return new FilterAttribute(Type.NUMBER, value);
    }

    public static FilterAttribute stringArray(String jsonArray) {
        return new FilterAttribute(Type.STRING_ARRAY, jsonArray);
    }
}
