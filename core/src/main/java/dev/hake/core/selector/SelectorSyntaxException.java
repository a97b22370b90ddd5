package dev.hake.core.selector;

import dev.hake.core.CoreApi;

/**
 * A message selector that is not valid: its message names what was wrong and where, for example
 * {@code unexpected ')' at position 17}. Positions count characters from 1.
 */
@CoreApi
public class SelectorSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String selector;
    private final int position;

    SelectorSyntaxException(String problem, int position, String selector) {
        super(problem + " at position " + position);
        this.selector = selector;
        this.position = position;
    }

    /** The selector text that was refused. */
    public String selector() {
        return selector;
    }

    /** Where the problem was found: 1 for the first character, length + 1 for the end of the text. */
    public int position() {
        return position;
    }
}
