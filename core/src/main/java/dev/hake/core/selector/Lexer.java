package dev.hake.core.selector;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a selector into tokens. Literals follow the Java forms the specification refers to:
 * exact numbers in decimal, octal ({@code 017}) or hex ({@code 0x1F}) with an optional {@code L};
 * approximate numbers with a point and/or exponent, optionally ending in {@code F} or {@code D};
 * strings in single quotes with {@code ''} for a quote.
 */
final class Lexer {

    private final String text;
    private int index;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= text.length()) {
                tokens.add(new Token(TokenKind.END, "", index + 1, null));
                return tokens;
            }
            tokens.add(next());
        }
    }

    /** Java's white space: space, tab, form feed and line terminators. */
    private void skipWhitespace() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c != ' ' && c != '\t' && c != '\f' && c != '\n' && c != '\r') {
                return;
            }
            index++;
        }
    }

    private Token next() {
        int start = index;
        int c = text.codePointAt(index);
        if (c == '\'') {
            return string(start);
        }
        if (isDigit(c) || (c == '.' && index + 1 < text.length() && isDigit(text.charAt(index + 1)))) {
            return number(start);
        }
        if (Character.isJavaIdentifierStart(c)) {
            return word(start);
        }
        index++;
        switch (c) {
            case '=': return symbol(TokenKind.EQUAL, start);
            case '+': return symbol(TokenKind.PLUS, start);
            case '-': return symbol(TokenKind.MINUS, start);
            case '*': return symbol(TokenKind.TIMES, start);
            case '/': return symbol(TokenKind.DIVIDE, start);
            case '(': return symbol(TokenKind.LEFT_PAREN, start);
            case ')': return symbol(TokenKind.RIGHT_PAREN, start);
            case ',': return symbol(TokenKind.COMMA, start);
            case '<':
                if (consume('>')) {
                    return symbol(TokenKind.NOT_EQUAL, start);
                }
                return symbol(consume('=') ? TokenKind.LESS_OR_EQUAL : TokenKind.LESS, start);
            case '>':
                return symbol(consume('=') ? TokenKind.GREATER_OR_EQUAL : TokenKind.GREATER, start);
            default:
                throw error("unexpected character '" + new String(Character.toChars(c)) + "'", start);
        }
    }

    private boolean consume(char expected) {
        if (index < text.length() && text.charAt(index) == expected) {
            index++;
            return true;
        }
        return false;
    }

    private Token symbol(TokenKind kind, int start) {
        return new Token(kind, text.substring(start, index), start + 1, null);
    }

    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        index++;
        while (true) {
            if (index >= text.length()) {
                throw error("unterminated string literal", start);
            }
            char c = text.charAt(index++);
            if (c == '\'') {
                if (index < text.length() && text.charAt(index) == '\'') {
                    value.append('\'');
                    index++;
                } else {
                    return new Token(TokenKind.STRING, text.substring(start, index), start + 1, value.toString());
                }
            } else {
                value.append(c);
            }
        }
    }

    private Token word(int start) {
        index += Character.charCount(text.codePointAt(index));
        while (index < text.length() && Character.isJavaIdentifierPart(text.codePointAt(index))) {
            index += Character.charCount(text.codePointAt(index));
        }
        String word = text.substring(start, index);
        TokenKind keyword = TokenKind.keyword(word);
        return new Token(keyword == null ? TokenKind.IDENTIFIER : keyword, word, start + 1, null);
    }

    private Token number(int start) {
        if (text.charAt(index) == '0' && index + 1 < text.length() && (text.charAt(index + 1) | 0x20) == 'x') {
            return hex(start);
        }
        skipDigits();
        boolean approximate = false;
        if (index < text.length() && text.charAt(index) == '.') {
            approximate = true;
            index++;
            skipDigits();
        }
        if (index < text.length() && (text.charAt(index) | 0x20) == 'e') {
            approximate = true;
            index++;
            if (index < text.length() && (text.charAt(index) == '+' || text.charAt(index) == '-')) {
                index++;
            }
            if (index >= text.length() || !isDigit(text.charAt(index))) {
                throw error("exponent without digits in number", start);
            }
            skipDigits();
        }
        String digits = text.substring(start, index);
        char suffix = index < text.length() ? (char) (text.charAt(index) | 0x20) : 0;
        if (suffix == 'f' || suffix == 'd') {
            index++;
            approximate = true;
        } else if (suffix == 'l' && !approximate) {
            index++;
        }
        checkNumberEnd(start);
        String source = text.substring(start, index);
        if (approximate) {
            double value = Double.parseDouble(digits);
            if (Double.isInfinite(value)) {
                throw error("number " + source + " is out of the range of double", start);
            }
            return new Token(TokenKind.APPROXIMATE_NUMBER, source, start + 1, value);
        }
        boolean octal = digits.length() > 1 && digits.charAt(0) == '0';
        if (octal && !digits.chars().allMatch(d -> d >= '0' && d <= '7')) {
            throw error("invalid octal number " + source, start);
        }
        return new Token(TokenKind.EXACT_NUMBER, source, start + 1, new BigInteger(digits, octal ? 8 : 10));
    }

    private Token hex(int start) {
        index += 2;
        int digitsStart = index;
        while (index < text.length() && Character.digit(text.charAt(index), 16) >= 0) {
            index++;
        }
        if (index == digitsStart) {
            throw error("hex number without digits", start);
        }
        BigInteger value = new BigInteger(text.substring(digitsStart, index), 16);
        if (index < text.length() && (text.charAt(index) | 0x20) == 'l') {
            index++;
        }
        checkNumberEnd(start);
        return new Token(TokenKind.EXACT_NUMBER, text.substring(start, index), start + 1, value);
    }

    /** "12abc" or "1.5.2" is one malformed token, not a number followed by something else. */
    private void checkNumberEnd(int start) {
        if (index < text.length() && (Character.isJavaIdentifierPart(text.codePointAt(index)) || text.charAt(index) == '.')) {
            throw error("malformed number " + text.substring(start, index + 1), start);
        }
    }

    private void skipDigits() {
        while (index < text.length() && isDigit(text.charAt(index))) {
            index++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private SelectorSyntaxException error(String problem, int start) {
        return new SelectorSyntaxException(problem, start + 1, text);
    }
}
