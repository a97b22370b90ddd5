package dev.hake.jms;

import dev.hake.core.selector.Selector;
import dev.hake.core.selector.SelectorSyntaxException;
import jakarta.jms.InvalidSelectorException;

/** A JMS consumer's selector text, parsed with JMS's error; core's SelectorFilter applies it. */
final class ConsumerFilter {

    private ConsumerFilter() {
    }

    /** Parses a selector; null or blank means none. */
    static Selector parse(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            return Selector.parse(selector);
        } catch (SelectorSyntaxException e) {
            InvalidSelectorException ise = new InvalidSelectorException("invalid message selector: " + e.getMessage());
            ise.initCause(e);
            throw ise;
        }
    }
}
