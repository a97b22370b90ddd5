package dev.hake.core.selector;

import dev.hake.core.CoreApi;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed JMS message selector (Jakarta Messaging 3.1, section 3.8.1), evaluated with SQL
 * three-valued logic: a message is selected only when the selector is TRUE, never when it is FALSE
 * or UNKNOWN. Immutable and safe to share between threads.
 *
 * <p>Identifier values come from a lookup function: Boolean, Byte, Short, Integer, Long, Float,
 * Double or String, or null for a missing property. The caller supplies header fields as the
 * specification has selectors see them, JMSDeliveryMode as the string {@code 'PERSISTENT'} or
 * {@code 'NON_PERSISTENT'}.
 */
@CoreApi
public final class Selector {

    private final String text;
    private final Expression root;
    private final Set<String> identifiers;

    private Selector(String text, Expression root, Set<String> identifiers) {
        this.text = text;
        this.root = root;
        this.identifiers = identifiers;
    }

    /**
     * Parses {@code text}. A blank selector selects every message.
     *
     * @throws SelectorSyntaxException when the text is not a valid selector, including when it is
     *     longer than 65,536 characters or nests deeper than 200 levels
     */
    public static Selector parse(String text) {
        Objects.requireNonNull(text, "text");
        Parser.Result parsed = Parser.parse(text);
        return new Selector(text, parsed.root(), parsed.identifiers());
    }

    /** True when the selector is TRUE for the message whose identifiers {@code identifiers} looks up. */
    public boolean matches(Function<String, Object> identifiers) {
        return Boolean.TRUE.equals(root.evaluate(identifiers));
    }

    /** The text this selector was parsed from. */
    public String text() {
        return text;
    }

    /** The header fields and properties the selector refers to, in order of first use. */
    public Set<String> identifiers() {
        return identifiers;
    }

    Expression root() {
        return root;
    }

    @Override
    public String toString() {
        return text;
    }
}
