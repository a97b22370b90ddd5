package dev.hake.core.selector;

/** The kinds of token a selector is made of. */
enum TokenKind {
    IDENTIFIER, STRING, EXACT_NUMBER, APPROXIMATE_NUMBER,
    NOT, AND, OR, BETWEEN, LIKE, IN, IS, ESCAPE, NULL, TRUE, FALSE,
    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
    PLUS, MINUS, TIMES, DIVIDE, LEFT_PAREN, RIGHT_PAREN, COMMA,
    END;

    /** Keywords are case-insensitive; everything else is matched on its exact text. */
    static TokenKind keyword(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 0x7F) {
                return null; // only ASCII letters fold case here, so "ın" is not IN
            }
        }
        switch (word.toUpperCase(java.util.Locale.ROOT)) {
            case "NOT": return NOT;
            case "AND": return AND;
            case "OR": return OR;
            case "BETWEEN": return BETWEEN;
            case "LIKE": return LIKE;
            case "IN": return IN;
            case "IS": return IS;
            case "ESCAPE": return ESCAPE;
            case "NULL": return NULL;
            case "TRUE": return TRUE;
            case "FALSE": return FALSE;
            default: return null;
        }
    }
}
