package dev.hake.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.core.HakeSettings;
import dev.hake.core.HakeUri;
import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.ConnectionFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/** Every condition and property of {@link HakeAutoConfiguration}, without a backend: nothing here connects. */
class HakeAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HakeAutoConfiguration.class, JmsAutoConfiguration.class));

    /**
     * A value for the property of every hake URI option, as the URI would spell it. A key added to
     * HakeUri without a property (or without a line here) fails {@link #everyPropertyReachesTheFactory}.
     */
    private static final Map<String, String> SAMPLES = samples();

    private static Map<String, String> samples() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("region", "eu-west-1");
        m.put("endpoint", "http://127.0.0.1:4566");
        m.put("prefix", "orders-");
        m.put("clientId", "billing");
        m.put("createDestinations", "false");
        m.put("accessKeyId", "AKIAEXAMPLEEXAMPLE12");
        m.put("secretAccessKey", "exampleSecretAccessKey");
        m.put("sessionToken", "exampleSessionToken");
        m.put("receiveBatchSize", "5");
        m.put("receiveWaitSeconds", "7");
        m.put("visibilityTimeoutSeconds", "45");
        m.put("listenerThreads", "4");
        m.put("trustedPackages", "java.lang,com.example.orders");
        m.put("maxDeliveries", "5");
        m.put("deadLetterQueue", "dead-letters");
        m.put("redeliveryDelaySeconds", "3");
        m.put("redeliveryBackoffMultiplier", "2.0");
        m.put("maxRedeliveryDelaySeconds", "60");
        m.put("roleArn", "arn:aws:iam::123456789012:role/orders");
        m.put("roleExternalId", "example-external-id");
        m.put("roleSessionName", "orders-app");
        m.put("largeMessageBucket", "orders-large-messages");
        m.put("largeMessageThreshold", "200000");
        m.put("largeMessageAlwaysThroughS3", "true");
        m.put("largeMessageDeleteOnAcknowledge", "false");
        return m;
    }

    private static HakeConnectionFactory hake(AssertableApplicationContext context) {
        ConnectionFactory bean = context.getBean(ConnectionFactory.class);
        if (bean instanceof CachingConnectionFactory caching) {
            return (HakeConnectionFactory) caching.getTargetConnectionFactory();
        }
        return (HakeConnectionFactory) bean;
    }

    private static Map<String, String> options(HakeSettings settings) {
        return HakeUri.read(HakeUri.of(settings)).options();
    }

    @Test
    void aHakeFactoryInsideSpringsCachingFactoryUnderBootsJmsTemplate() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ConnectionFactory.class).hasBean("jmsConnectionFactory");
            assertThat(context.getBean(ConnectionFactory.class)).isInstanceOf(CachingConnectionFactory.class);
            assertThat(hake(context)).isNotNull();
            assertThat(context.getBean(JmsTemplate.class).getConnectionFactory())
                    .isSameAs(context.getBean(ConnectionFactory.class));
        });
    }

    @Test
    void springJmsCacheSettingsShapeTheCachingFactory() {
        runner.withPropertyValues("spring.jms.cache.session-cache-size=8", "spring.jms.cache.producers=false",
                "spring.jms.cache.consumers=true").run(context -> {
                    CachingConnectionFactory caching = context.getBean(CachingConnectionFactory.class);
                    assertThat(caching.getSessionCacheSize()).isEqualTo(8);
                    assertThat(caching.isCacheProducers()).isFalse();
                    assertThat(caching.isCacheConsumers()).isTrue();
                });
    }

    @Test
    void withTheCacheTurnedOffTheBeanIsTheBareHakeFactory() {
        runner.withPropertyValues("spring.jms.cache.enabled=false").run(context ->
                assertThat(context.getBean(ConnectionFactory.class)).isExactlyInstanceOf(HakeConnectionFactory.class));
    }

    @Test
    void aConnectionFactoryOfTheApplicationWins() {
        runner.withUserConfiguration(OwnFactory.class).withPropertyValues("hake.prefix=ignored-").run(context -> {
            assertThat(context).hasSingleBean(ConnectionFactory.class);
            assertThat(context.getBean(ConnectionFactory.class)).isSameAs(OwnFactory.FACTORY);
        });
    }

    @Test
    void withoutHakeOnTheClasspathNothingIsConfigured() {
        runner.withClassLoader(new FilteredClassLoader(HakeConnectionFactory.class))
                .run(context -> assertThat(context).doesNotHaveBean(ConnectionFactory.class));
    }

    @Test
    void unsetPropertiesLeaveHakesDefaults() {
        runner.run(context -> assertThat(options(hake(context).settings()))
                .isEqualTo(options(HakeSettings.builder().build())));
    }

    @Test
    void everyPropertyReachesTheFactory() {
        assertThat(new TreeSet<>(SAMPLES.keySet())).as("a property (and a sample) for every hake URI option")
                .isEqualTo(new TreeSet<>(HakeUri.keys()));
        String[] properties = SAMPLES.entrySet().stream()
                .map(e -> HakeFactoryConfigurer.propertyName(e.getKey()) + "=" + e.getValue()).toArray(String[]::new);
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasNotFailed();
            Map<String, String> options = options(hake(context).settings());
            SAMPLES.forEach((key, value) -> assertThat(options.get(key)).as(key).isEqualTo(value));
        });
    }

    @Test
    void theUriAndThePropertiesCompose() {
        runner.withPropertyValues("hake.uri=hake:?prefix=orders-&receiveBatchSize=4", "hake.region=eu-west-1")
                .run(context -> {
                    HakeSettings settings = hake(context).settings();
                    assertThat(settings.prefix()).isEqualTo("orders-");
                    assertThat(settings.receiveBatchSize()).isEqualTo(4);
                    assertThat(settings.region()).contains("eu-west-1");
                });
    }

    @Test
    void aPropertyThatTheUriSetsOtherwiseFailsTheStartupNamingBoth() {
        runner.withPropertyValues("hake.uri=hake:?prefix=b-", "hake.prefix=a-").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("hake.uri")
                    .hasMessageContaining("'a-' by hake.prefix");
        });
    }

    @Test
    void aValueHakeRefusesFailsTheStartupNamingTheProperty() {
        runner.withPropertyValues("hake.receive-batch-size=50").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("hake.receive-batch-size")
                    .hasMessageContaining("receiveBatchSize");
        });
    }

    @Test
    void aValueOfTheWrongTypeFailsTheBindingNamingTheProperty() {
        runner.withPropertyValues("hake.visibility-timeout-seconds=thirty").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("hake.visibility-timeout-seconds");
        });
    }

    @Test
    void aRefusedCredentialIsNotShown() {
        runner.withPropertyValues("hake.uri=hake:?secretAccessKey=uriSecretValue", "hake.access-key-id=AKIAEXAMPLEEXAMPLE12",
                "hake.secret-access-key=propertySecretValue").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("secretAccessKey is set twice")
                            .hasMessageNotContaining("uriSecretValue")
                            .hasMessageNotContaining("propertySecretValue");
                });
    }

    @Test
    void embeddedNamesTheInJvmBackend() {
        runner.withPropertyValues("hake.embedded=true", "hake.prefix=demo-").run(context -> {
            HakeSettings settings = hake(context).settings();
            assertThat(settings.embedded()).isTrue();
            assertThat(settings.prefix()).isEqualTo("demo-");
        });
    }

    @Test
    void embeddedKeepsTheOptionsOfTheUri() {
        runner.withPropertyValues("hake.embedded=true", "hake.uri=hake:?prefix=demo-").run(context -> {
            HakeSettings settings = hake(context).settings();
            assertThat(settings.embedded()).isTrue();
            assertThat(settings.prefix()).isEqualTo("demo-");
        });
    }

    @Test
    void embeddedWithoutTheEmbeddedArtifactFailsTheStartupSayingWhatIsMissing() {
        runner.withClassLoader(new FilteredClassLoader("dev.hake.embedded")).withPropertyValues("hake.embedded=true")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("hake.embedded")
                            .hasMessageContaining("dev.hake:hake-embedded");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFactory {

        static final ConnectionFactory FACTORY = new HakeConnectionFactory("hake:?prefix=own-");

        @Bean
        ConnectionFactory ownConnectionFactory() {
            return FACTORY;
        }
    }
}
