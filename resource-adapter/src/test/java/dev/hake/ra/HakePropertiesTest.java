package dev.hake.ra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.HakeSettings;
import dev.hake.core.HakeUri;
import dev.hake.ra.outbound.HakeManagedConnectionFactory;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** hake's settings as the adapter's, the connection definition's and an activation's properties, without a server. */
class HakePropertiesTest {

    @Test
    void everyUriOptionIsABeanPropertyAndAConfigPropertyOfTheAdapterAndOfTheConnectionDefinition() throws Exception {
        Document ra = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/rar/META-INF/ra.xml").toFile());
        Element adapter = (Element) ra.getElementsByTagName("resourceadapter").item(0);
        Element connectionDefinition = (Element) ra.getElementsByTagName("connection-definition").item(0);
        Map<String, PropertyDescriptor> beans = new LinkedHashMap<>();
        for (PropertyDescriptor p : Introspector.getBeanInfo(HakeProperties.class).getPropertyDescriptors()) {
            beans.put(p.getName(), p);
        }

        for (Element declaring : new Element[] {adapter, connectionDefinition}) {
            Map<String, String> declared = configProperties(declaring);
            for (String key : HakeUri.keys()) {
                assertThat(beans).as("bean property %s", key).containsKey(key);
                assertThat(beans.get(key).getWriteMethod()).as("setter of %s", key).isNotNull();
                assertThat(beans.get(key).getReadMethod()).as("getter of %s", key).isNotNull();
                assertThat(declared).as("config-property %s in <%s>", key, declaring.getTagName()).containsKey(key);
                assertThat(declared.get(key)).as("type of %s", key).isEqualTo(beans.get(key).getPropertyType().getName());
            }
        }
    }

    /** The config-property elements directly inside {@code parent}: name to type. */
    private static Map<String, String> configProperties(Element parent) {
        Map<String, String> byName = new LinkedHashMap<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element e && e.getTagName().equals("config-property")) {
                byName.put(e.getElementsByTagName("config-property-name").item(0).getTextContent().trim(),
                        e.getElementsByTagName("config-property-type").item(0).getTextContent().trim());
            }
        }
        return byName;
    }

    @Test
    void theLargeMessagePropertiesReachTheSettingsAndAnActivationOverridesTheAdapter() {
        HakeResourceAdapter adapter = new HakeResourceAdapter();
        adapter.setLargeMessageBucket("orders-large-messages");
        adapter.setLargeMessageDeleteOnAcknowledge(false);
        HakeActivationSpec activation = new HakeActivationSpec();
        // Set before the bucket is known to this layer: the settings are checked as a whole, when composed.
        activation.setLargeMessageThreshold(200_000);
        activation.setLargeMessageAlwaysThroughS3(true);

        HakeSettings adapterOnly = HakeProperties.compose(adapter);
        HakeSettings both = HakeProperties.compose(adapter, activation);

        assertThat(adapterOnly.largeMessageBucket()).contains("orders-large-messages");
        assertThat(adapterOnly.largeMessageThreshold()).isZero();
        assertThat(adapterOnly.largeMessageDeleteOnAcknowledge()).isFalse();
        assertThat(both.largeMessageBucket()).contains("orders-large-messages");
        assertThat(both.largeMessageThreshold()).isEqualTo(200_000);
        assertThat(both.largeMessageAlwaysThroughS3()).isTrue();
        assertThat(activation.getLargeMessageAlwaysThroughS3()).isTrue();
        assertThat(activation.getLargeMessageDeleteOnAcknowledge()).isNull();
    }

    @Test
    void theConnectionDefinitionTakesThemToo() {
        HakeManagedConnectionFactory factory = new HakeManagedConnectionFactory();
        factory.setUri("hake:?largeMessageBucket=orders-large-messages");
        factory.setLargeMessageThreshold(100_000);

        HakeSettings settings = HakeProperties.compose(factory);

        assertThat(settings.largeMessageBucket()).contains("orders-large-messages");
        assertThat(settings.largeMessageThreshold()).isEqualTo(100_000);
    }
}
