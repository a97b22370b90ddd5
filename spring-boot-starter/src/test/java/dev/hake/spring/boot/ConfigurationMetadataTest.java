package dev.hake.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hake.core.HakeSettings;
import dev.hake.core.HakeUri;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The metadata IDEs read, as spring-boot-configuration-processor generated it from {@link HakeProperties}:
 * a described property for every hake URI option, and hake's own defaults.
 */
class ConfigurationMetadataTest {

    private static final Map<String, JsonNode> PROPERTIES = read();

    private static Map<String, JsonNode> read() {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated META-INF/spring-configuration-metadata.json").isNotNull();
            Map<String, JsonNode> byName = new HashMap<>();
            for (JsonNode p : new ObjectMapper().readTree(in).get("properties")) {
                byName.put(p.get("name").asText(), p);
            }
            return byName;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyUriOptionHasADescribedProperty() {
        for (String key : HakeUri.keys()) {
            String name = HakeFactoryConfigurer.propertyName(key);
            assertThat(PROPERTIES).as("property %s for the hake URI option %s", name, key).containsKey(name);
            assertThat(PROPERTIES.get(name).path("description").asText()).as(name).isNotBlank();
        }
        for (String name : List.of("hake.uri", "hake.embedded")) {
            assertThat(PROPERTIES.get(name).path("description").asText()).as(name).isNotBlank();
        }
    }

    @Test
    void theDefaultsShownAreHakes() {
        Map<String, String> defaults = HakeUri.read(HakeUri.of(HakeSettings.builder().build())).options();
        int checked = 0;
        for (String key : HakeUri.keys()) {
            JsonNode shown = PROPERTIES.get(HakeFactoryConfigurer.propertyName(key)).get("defaultValue");
            if (shown == null) {
                assertThat(defaults.get(key)).as("%s has a constant default that the metadata does not show", key)
                        .isNull();
                continue;
            }
            String text = shown.isArray()
                    ? String.join(",", StreamSupport.stream(shown.spliterator(), false).map(JsonNode::asText).toList())
                    : shown.asText();
            assertThat(HakeUri.value(key, text)).as(key).isEqualTo(HakeUri.value(key, defaults.get(key)));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(PROPERTIES.get("hake.embedded").get("defaultValue").asBoolean()).isFalse();
    }
}
