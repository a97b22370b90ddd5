package dev.hake.core.selector;

import static dev.hake.core.selector.SelectorTestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No input may overflow the stack or take exponential time. These tests assert outcomes only; the
 * timeout is a guard so that a regression fails instead of hanging the build.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SelectorRobustnessTest {

    @Test
    void nestingUpToTheLimitIsFine() {
        String nested = "(".repeat(Parser.MAX_DEPTH) + "a = 1" + ")".repeat(Parser.MAX_DEPTH);
        assertThat(Selector.parse(nested).matches(props("a", 1)::get)).isTrue();
        assertThat(SnsFilterPolicy.from(Selector.parse(nested))).isPresent();
    }

    @Test
    void nestingBeyondTheLimitIsAClearError() {
        String nested = "(".repeat(Parser.MAX_DEPTH + 1) + "a = 1" + ")".repeat(Parser.MAX_DEPTH + 1);
        SelectorSyntaxException e = catchThrowableOfType(() -> Selector.parse(nested), SelectorSyntaxException.class);
        assertThat(e).hasMessage("expression nested more than 200 levels deep at position 201");
    }

    @Test
    void hugeNestingFailsCleanlyWithoutOverflowingTheStack() {
        for (String open : new String[] {"(", "NOT ", "-", "- ", "+"}) {
            String deep = open.repeat(10_000) + (open.startsWith("NOT") ? "a" : "(a) = 1");
            assertThat(catchThrowable(() -> Selector.parse(deep))).as(open).isInstanceOf(SelectorSyntaxException.class)
                    .hasMessageContaining("nested more than 200 levels");
        }
    }

    @Test
    void notChainsWithinTheLimitEvaluateCorrectly() {
        assertThat(Selector.parse("NOT ".repeat(200) + "flag").matches(props("flag", true)::get)).isTrue();
        assertThat(Selector.parse("NOT ".repeat(199) + "flag").matches(props("flag", false)::get)).isTrue();
        assertThat(Selector.parse("NOT ".repeat(199) + "flag").matches(props()::get)).isFalse();
    }

    @Test
    void longFlatChainsMakeWideTreesNotDeepOnes() {
        int n = 5_000;
        String ands = String.join(" AND ", java.util.Collections.nCopies(n, "a = 1"));
        String ors = String.join(" OR ", java.util.Collections.nCopies(n, "a = 2")) + " OR a = 1";
        String sum = "1" + " + 1".repeat(n) + " = " + (n + 1);
        String product = "a" + " * a".repeat(n) + " = 1";
        assertThat(Selector.parse(ands).matches(props("a", 1)::get)).isTrue();
        assertThat(Selector.parse(ors).matches(props("a", 1)::get)).isTrue();
        assertThat(Selector.parse(sum).matches(props()::get)).isTrue();
        assertThat(Selector.parse(product).matches(props("a", 1L)::get)).isTrue();
        for (String s : new String[] {ands, ors, sum, product}) {
            assertThat(catchThrowable(() -> SnsFilterPolicy.from(Selector.parse(s)))).isNull();
        }
    }

    @Test
    void selectorsLongerThan64KiBAreRefused() {
        String longest = "a = '" + "x".repeat(Parser.MAX_LENGTH - 7) + "'";
        assertThat(longest).hasSize(Parser.MAX_LENGTH - 1);
        assertThat(Selector.parse(longest).matches(props("a", "x".repeat(Parser.MAX_LENGTH - 7))::get)).isTrue();
        SelectorSyntaxException e = catchThrowableOfType(() -> Selector.parse(longest + "  "), SelectorSyntaxException.class);
        assertThat(e).hasMessage("selector is 65537 characters long, longer than the 65536 allowed, at position 65537");
    }

    @Test
    void pathologicalLikePatternsComplete() {
        String a = "a".repeat(100_000);
        Selector s = Selector.parse("x LIKE '%a%a%a%a%a%a%a%a%a%a%a%a%b'");
        assertThat(s.matches(props("x", a)::get)).isFalse();
        assertThat(s.matches(props("x", a + "b")::get)).isTrue();
        Selector underscores = Selector.parse("x LIKE '" + "_%".repeat(50) + "b'");
        assertThat(underscores.matches(props("x", "a".repeat(20_000))::get)).isFalse();
        Selector many = Selector.parse("x LIKE '" + "%a".repeat(2_000) + "%b'");
        assertThat(many.matches(props("x", "a".repeat(20_000))::get)).isFalse();
    }

    @Test
    void inListsAreBounded() {
        String values = String.join(",", java.util.Collections.nCopies(Parser.MAX_IN_VALUES, "'v'"));
        assertThat(Selector.parse("x IN (" + values + ")").matches(props("x", "v")::get)).isTrue();
        assertThat(catchThrowable(() -> Selector.parse("x IN (" + values + ",'w')")))
                .isInstanceOf(SelectorSyntaxException.class).hasMessageContaining("more than 10000 values");
        StringBuilder distinct = new StringBuilder("x IN (");
        for (int i = 0; i < 5_000; i++) {
            distinct.append(i == 0 ? "" : ",").append("'v").append(i).append("'");
        }
        Selector big = Selector.parse(distinct.append(")").toString());
        assertThat(big.matches(props("x", "v4999")::get)).isTrue();
        assertThat(SnsFilterPolicy.from(big)).hasValue("{\"$or\":[{\"hake.props\":[{\"exists\":true}]},{\"x\":[{\"exists\":true}]}]}");
    }

    /**
     * Random token soup: every input is either parsed or refused with SelectorSyntaxException, and
     * what parses evaluates and translates without throwing.
     */
    @Test
    void randomInputNeverFailsOtherwise() {
        String[] pieces = {"a", "b", "JMSPriority", "flag", "=", "<>", "<", ">=", "+", "-", "*", "/", "(", ")", "(", ")",
                "AND", "OR", "NOT", "BETWEEN", "IN", "LIKE", "IS", "NULL", "ESCAPE", "TRUE", "'x'", "'%'", "'!'", "1", "2.5",
                "0x1", "1e3", ",", "'", "!", ".", "9223372036854775808", "''", "x", "%"};
        Random random = new Random(7);
        Map<String, Object> p = props("a", 1, "b", "x", "flag", true, "JMSPriority", 4);
        int parsed = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int j = 0; j < n; j++) {
                s.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            }
            Selector selector;
            try {
                selector = Selector.parse(s.toString());
            } catch (SelectorSyntaxException expected) {
                continue;
            }
            parsed++;
            selector.matches(p::get);
            selector.matches(name -> null);
            SnsFilterPolicy.from(selector);
        }
        assertThat(parsed).isGreaterThan(500);
    }
}
