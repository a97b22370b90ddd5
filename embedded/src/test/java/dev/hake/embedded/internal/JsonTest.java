package dev.hake.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesIntoPlainJavaValues() {
        Object parsed = Json.parse("{\"s\":\"t\\u00e9xt\",\"n\":1.50,\"b\":true,\"z\":null,\"a\":[1,\"x\"],\"o\":{}}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "téxt");
        expected.put("n", new BigDecimal("1.50"));
        expected.put("b", true);
        expected.put("z", null);
        expected.put("a", List.of(BigDecimal.ONE, "x"));
        expected.put("o", Map.of());
        assertThat(parsed).isEqualTo(expected);
    }

    @Test
    void writesAndEscapes() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("quote", "say \"hi\"\n");
        value.put("list", Arrays.asList(1, null, false));
        assertThat(Json.write(value)).isEqualTo("{\"quote\":\"say \\\"hi\\\"\\n\",\"list\":[1,null,false]}");
        assertThat(Json.parse(Json.write(value))).isEqualTo(Map.of("quote", "say \"hi\"\n",
                "list", Arrays.asList(BigDecimal.ONE, null, false)));
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON");
    }
}
