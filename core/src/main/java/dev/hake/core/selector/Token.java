package dev.hake.core.selector;

/**
 * One token: its kind, its source text, its 1-based position, and for literals their value (a
 * String, a BigInteger for exact numbers before the sign is known, a Double for approximate ones).
 */
record Token(TokenKind kind, String text, int position, Object value) {

    /** How an error message names this token. */
    String describe() {
        if (kind == TokenKind.END) {
            return "end of selector";
        }
        String shown = text.length() > 30 ? text.substring(0, 27) + "..." : text;
        return kind == TokenKind.STRING ? "string " + shown : "'" + shown + "'";
    }
}
