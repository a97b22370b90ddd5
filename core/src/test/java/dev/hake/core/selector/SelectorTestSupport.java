package dev.hake.core.selector;

import java.util.HashMap;
import java.util.Map;

/** Small helpers shared by the selector tests. */
final class SelectorTestSupport {

    private SelectorTestSupport() {
    }

    /** Properties from alternating names and values: props("a", 1, "b", "x"). */
    static Map<String, Object> props(Object... namesAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** The three-valued result: TRUE, FALSE or null for UNKNOWN. */
    static Boolean value(String selector, Map<String, Object> props) {
        Object v = Selector.parse(selector).root().evaluate(props::get);
        return v instanceof Boolean b ? b : null;
    }

    static Boolean value(String selector, Object... namesAndValues) {
        return value(selector, props(namesAndValues));
    }
}
