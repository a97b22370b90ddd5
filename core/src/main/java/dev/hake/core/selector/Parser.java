package dev.hake.core.selector;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the selector grammar, lowest precedence first:
 * <pre>
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | predicate
 * predicate  := sum [ compOp sum | [NOT] BETWEEN sum AND sum | [NOT] IN (string, ...)
 *                    | [NOT] LIKE string [ESCAPE string] | IS [NOT] NULL ]
 * sum        := product ((+|-) product)*
 * product    := unary ((*|/) unary)*
 * unary      := (+|-) unary | primary
 * primary    := literal | identifier | ( or )
 * </pre>
 * Input length and nesting are bounded so that no input can exhaust the stack, here or when the
 * tree is evaluated; chains of AND, OR, + and * become single wide nodes rather than deep ones.
 */
final class Parser {

    /** Longer selectors are refused: nothing legitimate comes close, and it bounds all the work. */
    static final int MAX_LENGTH = 65_536;
    /** Parentheses, NOT and unary signs together may nest this deep. */
    static final int MAX_DEPTH = 200;
    /** The most strings an IN list may hold. */
    static final int MAX_IN_VALUES = 10_000;

    private final String text;
    private final List<Token> tokens;
    private final Set<String> identifiers = new LinkedHashSet<>();
    private int index;
    private int depth;

    /** A parsed selector: its tree and the identifiers it uses, in order of first use. */
    record Result(Expression root, Set<String> identifiers) {
    }

    private Parser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    static Result parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new SelectorSyntaxException("selector is " + text.length() + " characters long, longer than the "
                    + MAX_LENGTH + " allowed,", MAX_LENGTH + 1, text);
        }
        Parser parser = new Parser(text, Lexer.tokenize(text));
        Expression root = parser.selector();
        return new Result(root, Collections.unmodifiableSet(parser.identifiers));
    }

    private Expression selector() {
        Token first = peek();
        if (first.kind() == TokenKind.END) {
            return Literal.TRUE; // a blank selector selects every message
        }
        Expression root = or();
        if (peek().kind() != TokenKind.END) {
            throw unexpected(peek());
        }
        return condition(root, first);
    }

    private Expression or() {
        Token start = peek();
        Expression first = and();
        if (peek().kind() != TokenKind.OR) {
            return first;
        }
        List<Expression> operands = new ArrayList<>();
        operands.add(condition(first, start));
        while (accept(TokenKind.OR)) {
            Token operandStart = peek();
            operands.add(condition(and(), operandStart));
        }
        return new Junction(false, operands);
    }

    private Expression and() {
        Token start = peek();
        Expression first = not();
        if (peek().kind() != TokenKind.AND) {
            return first;
        }
        List<Expression> operands = new ArrayList<>();
        operands.add(condition(first, start));
        while (accept(TokenKind.AND)) {
            Token operandStart = peek();
            operands.add(condition(not(), operandStart));
        }
        return new Junction(true, operands);
    }

    private Expression not() {
        if (peek().kind() != TokenKind.NOT) {
            return predicate();
        }
        Token not = next();
        enter(not);
        Token operandStart = peek();
        Expression operand = condition(not(), operandStart);
        leave();
        return new Not(operand);
    }

    private Expression predicate() {
        Token start = peek();
        Expression left = sum();
        Token t = peek();
        switch (t.kind()) {
            case EQUAL: case NOT_EQUAL: case LESS: case LESS_OR_EQUAL: case GREATER: case GREATER_OR_EQUAL:
                next();
                return comparison(t, left, sum());
            case BETWEEN: case LIKE: case IN:
                return negatable(left, start, false);
            case NOT: {
                TokenKind after = tokens.get(index + 1).kind();
                if (after == TokenKind.BETWEEN || after == TokenKind.LIKE || after == TokenKind.IN) {
                    next();
                    return negatable(left, start, true);
                }
                return left; // the caller reports the stray NOT
            }
            case IS: {
                next();
                boolean negated = accept(TokenKind.NOT);
                expect(TokenKind.NULL, "NULL");
                return new IsNull(identifier(left, start, "IS NULL"), negated);
            }
            default:
                return left;
        }
    }

    private Expression comparison(Token op, Expression left, Expression right) {
        ComparisonOperator operator = comparisonOperator(op.kind());
        if (left == Literal.NULL || right == Literal.NULL) {
            throw new SelectorSyntaxException("NULL cannot be compared with '" + op.text() + "'; use IS NULL or"
                    + " IS NOT NULL,", op.position(), text);
        }
        if (!operator.isEquality()) {
            number(left, op);
            number(right, op);
        }
        // Where both types are known (literals, header fields, operators), unlike types are a
        // mistake in the selector, such as TRUE = 0. A property's type is only known per message:
        // = and <> on unlike types are then FALSE. Ordering is for numbers only.
        ValueType leftType = left.type();
        ValueType rightType = right.type();
        if (leftType != ValueType.ANY && rightType != ValueType.ANY && leftType != rightType) {
            throw new SelectorSyntaxException("'" + op.text() + "' cannot compare " + leftType.description()
                    + " with " + rightType.description() + ",", op.position(), text);
        }
        return new Comparison(operator, left, right);
    }

    private Expression negatable(Expression left, Token start, boolean negated) {
        Token op = next();
        switch (op.kind()) {
            case BETWEEN: {
                Expression low = sum();
                expect(TokenKind.AND, "AND");
                Expression high = sum();
                number(left, op);
                number(low, op);
                number(high, op);
                return new Between(left, low, high, negated);
            }
            case LIKE: {
                Identifier identifier = stringIdentifier(left, start, "LIKE");
                Token pattern = expect(TokenKind.STRING, "a string pattern");
                String escape = accept(TokenKind.ESCAPE) ? (String) expect(TokenKind.STRING, "an escape string").value() : null;
                try {
                    return new Like(identifier, LikePattern.compile((String) pattern.value(), escape), negated);
                } catch (IllegalArgumentException e) {
                    throw new SelectorSyntaxException(e.getMessage(), pattern.position(), text);
                }
            }
            default: {
                Identifier identifier = stringIdentifier(left, start, "IN");
                expect(TokenKind.LEFT_PAREN, "'('");
                List<String> values = new ArrayList<>();
                do {
                    Token value = expect(TokenKind.STRING, "a string literal");
                    if (values.size() == MAX_IN_VALUES) {
                        throw new SelectorSyntaxException("IN list has more than " + MAX_IN_VALUES + " values",
                                value.position(), text);
                    }
                    values.add((String) value.value());
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RIGHT_PAREN, "',' or ')'");
                return new InList(identifier, new LinkedHashSet<>(values), negated);
            }
        }
    }

    private Expression sum() {
        return chain(true);
    }

    private Expression product() {
        return chain(false);
    }

    /** A chain of + and - (additive) or of * and / over the next tighter level. */
    private Expression chain(boolean additive) {
        Expression first = additive ? product() : unary();
        List<Expression> operands = null;
        StringBuilder operators = new StringBuilder();
        while (true) {
            Token op = peek();
            boolean matches = additive
                    ? op.kind() == TokenKind.PLUS || op.kind() == TokenKind.MINUS
                    : op.kind() == TokenKind.TIMES || op.kind() == TokenKind.DIVIDE;
            if (!matches) {
                return operands == null ? first : new Arithmetic(operands, operators.toString());
            }
            next();
            if (operands == null) {
                operands = new ArrayList<>();
                operands.add(number(first, op));
            }
            operators.append(op.text());
            operands.add(number(additive ? product() : unary(), op));
        }
    }

    private Expression unary() {
        Token sign = peek();
        if (sign.kind() != TokenKind.PLUS && sign.kind() != TokenKind.MINUS) {
            return primary();
        }
        next();
        boolean negate = sign.kind() == TokenKind.MINUS;
        Token operandToken = peek();
        if (operandToken.kind() == TokenKind.EXACT_NUMBER || operandToken.kind() == TokenKind.APPROXIMATE_NUMBER) {
            next(); // a signed literal: folded, so that -9223372036854775808 is in range
            return numberLiteral(operandToken, negate);
        }
        enter(sign);
        Expression operand = number(unary(), sign);
        leave();
        if (operand instanceof Literal literal && literal.value() instanceof Number n) {
            return new Literal(negate ? Numbers.negate(n) : n);
        }
        return new Sign(negate, operand);
    }

    private Expression primary() {
        Token t = next();
        switch (t.kind()) {
            case LEFT_PAREN: {
                enter(t);
                Expression inner = or();
                expect(TokenKind.RIGHT_PAREN, "')'");
                leave();
                return inner;
            }
            case STRING:
                return new Literal(t.value());
            case EXACT_NUMBER: case APPROXIMATE_NUMBER:
                return numberLiteral(t, false);
            case TRUE:
                return new Literal(Boolean.TRUE);
            case FALSE:
                return new Literal(Boolean.FALSE);
            case NULL:
                return Literal.NULL;
            case IDENTIFIER:
                identifiers.add(t.text());
                return new Identifier(t.text());
            default:
                throw unexpected(t);
        }
    }

    private Literal numberLiteral(Token t, boolean negate) {
        if (t.kind() == TokenKind.APPROXIMATE_NUMBER) {
            double d = (Double) t.value();
            return new Literal(negate ? -d : d);
        }
        BigInteger v = (BigInteger) t.value();
        v = negate ? v.negate() : v;
        if (v.bitLength() > 63) {
            throw new SelectorSyntaxException("number " + (negate ? "-" : "") + t.text() + " is out of the range of long",
                    t.position(), text);
        }
        return new Literal(v.longValue());
    }

    private Expression condition(Expression e, Token start) {
        if (!e.type().canBeBoolean()) {
            throw new SelectorSyntaxException(e.type().description() + " where a condition is expected",
                    start.position(), text);
        }
        return e;
    }

    private Expression number(Expression e, Token op) {
        if (!e.type().canBeNumber()) {
            throw new SelectorSyntaxException("'" + op.text() + "' takes numbers, not " + e.type().description() + ",",
                    op.position(), text);
        }
        return e;
    }

    private Identifier identifier(Expression e, Token start, String operator) {
        if (!(e instanceof Identifier identifier)) {
            throw new SelectorSyntaxException(operator + " must follow an identifier", start.position(), text);
        }
        return identifier;
    }

    private Identifier stringIdentifier(Expression e, Token start, String operator) {
        Identifier identifier = identifier(e, start, operator);
        if (!identifier.type().canBeString()) {
            throw new SelectorSyntaxException(operator + " applies to strings, and " + identifier.name() + " is "
                    + identifier.type().description() + ",", start.position(), text);
        }
        return identifier;
    }

    private static ComparisonOperator comparisonOperator(TokenKind kind) {
        switch (kind) {
            case EQUAL: return ComparisonOperator.EQUAL;
            case NOT_EQUAL: return ComparisonOperator.NOT_EQUAL;
            case LESS: return ComparisonOperator.LESS;
            case LESS_OR_EQUAL: return ComparisonOperator.LESS_OR_EQUAL;
            case GREATER: return ComparisonOperator.GREATER;
            default: return ComparisonOperator.GREATER_OR_EQUAL;
        }
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new SelectorSyntaxException("expression nested more than " + MAX_DEPTH + " levels deep", t.position(), text);
        }
    }

    private void leave() {
        depth--;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind() != TokenKind.END) {
            index++;
        }
        return t;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(TokenKind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw new SelectorSyntaxException("expected " + what + " but found " + t.describe(), t.position(), text);
        }
        return next();
    }

    private SelectorSyntaxException unexpected(Token t) {
        return new SelectorSyntaxException("unexpected " + t.describe(), t.position(), text);
    }
}
