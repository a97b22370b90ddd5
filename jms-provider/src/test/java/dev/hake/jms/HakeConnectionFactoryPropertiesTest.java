package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.core.HakeSettings;
import jakarta.jms.JMSException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The factory's JavaBean setters and its hake URI, as Spring's binder, JNDI and application
 * servers call them: in any order, each keeps what the others set.
 */
class HakeConnectionFactoryPropertiesTest {

    /** One factory property: how a setter sets it, the same value as URI options, and how settings show it. */
    record Property(String name, Consumer<HakeConnectionFactory> setter, String uriOptions,
                    Consumer<HakeSettings> holds) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String KEY_ID = "AKIAEXAMPLEKEY0001";
    private static final String BUCKET = "orders-large-messages";

    private static final List<Property> PROPERTIES = List.of(
            new Property("region", f -> f.setRegion("eu-west-1"), "region=eu-west-1",
                    s -> assertThat(s.region()).contains("eu-west-1")),
            new Property("endpoint", f -> f.setEndpoint("http://127.0.0.1:4566"), "endpoint=http%3A%2F%2F127.0.0.1%3A4566",
                    s -> assertThat(s.endpoint()).contains(URI.create("http://127.0.0.1:4566"))),
            new Property("prefix", f -> f.setPrefix("dev-"), "prefix=dev-",
                    s -> assertThat(s.prefix()).isEqualTo("dev-")),
            new Property("clientId", f -> f.setClientId("billing"), "clientId=billing",
                    s -> assertThat(s.clientId()).contains("billing")),
            new Property("createDestinations", f -> f.setCreateDestinations(false), "createDestinations=false",
                    s -> assertThat(s.createDestinations()).isFalse()),
            // A key id without its secret is refused, so the two travel together here; the test
            // below takes them one by one.
            new Property("static credentials", f -> {
                f.setAccessKeyId(KEY_ID);
                f.setSecretAccessKey("secret");
            }, "accessKeyId=" + KEY_ID + "&secretAccessKey=secret",
                    s -> {
                        assertThat(s.accessKeyId()).contains(KEY_ID);
                        assertThat(s.secretAccessKey()).contains("secret");
                    }),
            new Property("sessionToken", f -> f.setSessionToken("token"), "sessionToken=token",
                    s -> assertThat(s.sessionToken()).contains("token")),
            new Property("receiveBatchSize", f -> f.setReceiveBatchSize(5), "receiveBatchSize=5",
                    s -> assertThat(s.receiveBatchSize()).isEqualTo(5)),
            new Property("receiveWaitSeconds", f -> f.setReceiveWaitSeconds(7), "receiveWaitSeconds=7",
                    s -> assertThat(s.receiveWaitSeconds()).isEqualTo(7)),
            new Property("visibilityTimeoutSeconds", f -> f.setVisibilityTimeoutSeconds(45), "visibilityTimeoutSeconds=45",
                    s -> assertThat(s.visibilityTimeoutSeconds()).isEqualTo(45)),
            new Property("listenerThreads", f -> f.setListenerThreads(3), "listenerThreads=3",
                    s -> assertThat(s.listenerThreads()).isEqualTo(3)),
            new Property("trustedPackages", f -> f.setTrustedPackages("com.example, java.lang"),
                    "trustedPackages=com.example,java.lang",
                    s -> assertThat(s.trustedPackages()).containsExactly("com.example", "java.lang")),
            new Property("largeMessageBucket", f -> f.setLargeMessageBucket(BUCKET), "largeMessageBucket=" + BUCKET,
                    s -> assertThat(s.largeMessageBucket()).contains(BUCKET)),
            // The threshold and always-through-S3 are refused without a bucket, so each brings the same one.
            new Property("largeMessageThreshold", f -> {
                f.setLargeMessageThreshold(200_000);
                f.setLargeMessageBucket(BUCKET);
            }, "largeMessageBucket=" + BUCKET + "&largeMessageThreshold=200000",
                    s -> assertThat(s.largeMessageThreshold()).isEqualTo(200_000)),
            new Property("largeMessageAlwaysThroughS3", f -> {
                f.setLargeMessageAlwaysThroughS3(true);
                f.setLargeMessageBucket(BUCKET);
            }, "largeMessageBucket=" + BUCKET + "&largeMessageAlwaysThroughS3=true",
                    s -> assertThat(s.largeMessageAlwaysThroughS3()).isTrue()),
            new Property("largeMessageDeleteOnAcknowledge", f -> f.setLargeMessageDeleteOnAcknowledge(false),
                    "largeMessageDeleteOnAcknowledge=false",
                    s -> assertThat(s.largeMessageDeleteOnAcknowledge()).isFalse()));

    private static final Property EMBEDDED = new Property("hake:embedded", f -> f.setUri("hake:embedded"), null,
            s -> assertThat(s.embedded()).isTrue());

    /** Every ordered pair: setter then setter, setter then URI, URI then setter; and the embedded target with each. */
    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Property first : PROPERTIES) {
            for (Property second : PROPERTIES) {
                if (first == second) {
                    continue;
                }
                pairs.add(Arguments.of(first.name() + " by setter, then " + second.name() + " by setter",
                        first.setter(), second.setter(), first, second));
                pairs.add(Arguments.of(first.name() + " by setter, then " + second.name() + " by setUri",
                        first.setter(), byUri(second), first, second));
                pairs.add(Arguments.of(first.name() + " by setUri, then " + second.name() + " by setter",
                        byUri(first), second.setter(), first, second));
            }
            if (!first.name().equals("endpoint")) {
                pairs.add(Arguments.of(first.name() + " by setter, then hake:embedded",
                        first.setter(), EMBEDDED.setter(), first, EMBEDDED));
                pairs.add(Arguments.of("hake:embedded, then " + first.name() + " by setter",
                        EMBEDDED.setter(), first.setter(), EMBEDDED, first));
                pairs.add(Arguments.of("hake:embedded?" + first.name() + ", then nothing else",
                        (Consumer<HakeConnectionFactory>) f -> f.setUri("hake:embedded?" + first.uriOptions()),
                        (Consumer<HakeConnectionFactory>) f -> { }, first, EMBEDDED));
            }
        }
        return pairs.stream();
    }

    private static Consumer<HakeConnectionFactory> byUri(Property property) {
        return f -> f.setUri("hake:?" + property.uriOptions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void settersAndTheUriKeepWhatTheOthersSet(String description, Consumer<HakeConnectionFactory> firstCall,
                                              Consumer<HakeConnectionFactory> secondCall,
                                              Property first, Property second) {
        HakeConnectionFactory factory = new HakeConnectionFactory();
        firstCall.accept(factory);
        secondCall.accept(factory);

        HakeSettings settings = factory.settings();
        first.holds().accept(settings);
        second.holds().accept(settings);
    }

    @Test
    void credentialSettersComposeWithEachOtherAndWithTheUriInAnyOrder() {
        HakeConnectionFactory settersOnly = new HakeConnectionFactory();
        settersOnly.setSecretAccessKey("secret");
        settersOnly.setSessionToken("token");
        settersOnly.setAccessKeyId(KEY_ID);
        assertCredentials(settersOnly.settings());

        HakeConnectionFactory uriFirst = new HakeConnectionFactory("hake:?secretAccessKey=secret");
        uriFirst.setAccessKeyId(KEY_ID);
        uriFirst.setSessionToken("token");
        assertCredentials(uriFirst.settings());

        HakeConnectionFactory uriLast = new HakeConnectionFactory();
        uriLast.setAccessKeyId(KEY_ID);
        uriLast.setUri("hake:?secretAccessKey=secret&sessionToken=token");
        assertCredentials(uriLast.settings());
    }

    private static void assertCredentials(HakeSettings settings) {
        assertThat(settings.accessKeyId()).contains(KEY_ID);
        assertThat(settings.secretAccessKey()).contains("secret");
        assertThat(settings.sessionToken()).contains("token");
    }

    @Test
    void aKeySetByASetterAndByTheUriToDifferentValuesIsRefusedAtTheSecondCallNamingBoth() {
        HakeConnectionFactory setterFirst = new HakeConnectionFactory();
        setterFirst.setPrefix("a-");
        assertThatThrownBy(() -> setterFirst.setUri("hake:?prefix=b-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix is set twice: 'a-' by setPrefix and 'b-' by the hake URI");

        HakeConnectionFactory uriFirst = new HakeConnectionFactory("hake:?prefix=b-");
        assertThatThrownBy(() -> uriFirst.setPrefix("a-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prefix is set twice: 'a-' by setPrefix and 'b-' by the hake URI");
    }

    @Test
    void everyKindOfValueConflicts() {
        assertConflict(f -> f.setRegion("eu-west-1"), "hake:?region=us-east-1",
                "region is set twice: 'eu-west-1' by setRegion and 'us-east-1' by the hake URI");
        assertConflict(f -> f.setEndpoint("http://127.0.0.1:4566"), "hake:?endpoint=http%3A%2F%2F127.0.0.1%3A5000",
                "endpoint is set twice: 'http://127.0.0.1:4566' by setEndpoint and 'http://127.0.0.1:5000' by the hake URI");
        assertConflict(f -> f.setCreateDestinations(true), "hake:?createDestinations=false",
                "createDestinations is set twice: 'true' by setCreateDestinations and 'false' by the hake URI");
        assertConflict(f -> f.setReceiveWaitSeconds(5), "hake:?receiveWaitSeconds=6",
                "receiveWaitSeconds is set twice: '5' by setReceiveWaitSeconds and '6' by the hake URI");
        assertConflict(f -> f.setTrustedPackages("com.example"), "hake:?trustedPackages=org.example",
                "trustedPackages is set twice: 'com.example' by setTrustedPackages and 'org.example' by the hake URI");
        assertConflict(f -> f.setEndpoint("http://127.0.0.1:4566"), "hake:embedded",
                "endpoint is set twice: 'http://127.0.0.1:4566' by setEndpoint and the embedded backend by the hake URI"
                        + " 'hake:embedded'");
    }

    @Test
    void aConflictOfCredentialsNamesBothSourcesButNoValue() {
        Map<String, BiConsumer<HakeConnectionFactory, String>> credentialSetters = Map.of(
                "accessKeyId", HakeConnectionFactory::setAccessKeyId,
                "secretAccessKey", HakeConnectionFactory::setSecretAccessKey,
                "sessionToken", HakeConnectionFactory::setSessionToken,
                "roleExternalId", HakeConnectionFactory::setRoleExternalId);
        credentialSetters.forEach((key, setter) -> {
            HakeConnectionFactory factory = new HakeConnectionFactory("hake:?" + key + "=URIVALUE0000000000");
            String setterName = "set" + Character.toUpperCase(key.charAt(0)) + key.substring(1);
            assertThatThrownBy(() -> setter.accept(factory, "SETTERVALUE0000000"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(key + " is set twice, to different values, by " + setterName
                            + " and by the hake URI (values not shown)");
        });
    }

    @Test
    void theSameValueFromASetterAndTheUriIsFine() {
        HakeConnectionFactory factory = new HakeConnectionFactory();
        factory.setReceiveBatchSize(5);
        factory.setTrustedPackages("com.example, java.lang");
        factory.setEndpoint("http://127.0.0.1:4566");
        factory.setUri("hake:?receiveBatchSize=5&trustedPackages=com.example,java.lang"
                + "&endpoint=http%3A%2F%2F127.0.0.1%3A4566");

        assertThat(factory.settings().receiveBatchSize()).isEqualTo(5);
        assertThat(factory.settings().trustedPackages()).containsExactly("com.example", "java.lang");
    }

    @Test
    void aConflictThatGetsAsFarAsCreateConnectionIsAJmsException() {
        HakeConnectionFactory factory = new HakeConnectionFactory("hake:embedded?prefix=b-");
        // A container that logs a failing setter and carries on must not connect with half of it.
        assertThatThrownBy(() -> factory.setPrefix("a-")).isInstanceOf(IllegalArgumentException.class);

        assertThatThrownBy(factory::createConnection)
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("prefix is set twice: 'a-' by setPrefix and 'b-' by the hake URI");
    }

    @Test
    void aSecondUriReplacesTheFirstButNotTheSetters() {
        HakeConnectionFactory factory = new HakeConnectionFactory();
        factory.setPrefix("dev-");
        factory.setUri("hake:?region=eu-west-1&clientId=billing");
        factory.setUri("hake:?region=eu-central-1");

        HakeSettings settings = factory.settings();
        assertThat(settings.region()).contains("eu-central-1");
        assertThat(settings.clientId()).isEmpty();
        assertThat(settings.prefix()).isEqualTo("dev-");
    }

    @Test
    void aSetterOverridesTheSettingsGivenToTheConstructor() {
        HakeSettings given = HakeSettings.builder().prefix("given-").region("eu-west-1").build();
        HakeConnectionFactory factory = new HakeConnectionFactory(given);
        factory.setPrefix("set-");
        factory.setUri("hake:?clientId=billing");

        HakeSettings settings = factory.settings();
        assertThat(settings.prefix()).isEqualTo("set-");
        assertThat(settings.region()).contains("eu-west-1");
        assertThat(settings.clientId()).contains("billing");
    }

    @Test
    void serialisationKeepsTheSettersAndTheUri() throws Exception {
        HakeConnectionFactory factory = new HakeConnectionFactory();
        factory.setPrefix("dev-");
        factory.setAccessKeyId(KEY_ID);
        factory.setSecretAccessKey("secret");
        factory.setUri("hake:embedded?receiveBatchSize=4");
        factory.setListenerThreads(7);

        HakeSettings copy = roundTrip(factory).settings();

        assertThat(copy.prefix()).isEqualTo("dev-");
        assertThat(copy.embedded()).isTrue();
        assertThat(copy.receiveBatchSize()).isEqualTo(4);
        assertThat(copy.listenerThreads()).isEqualTo(7);
        assertThat(copy.accessKeyId()).contains(KEY_ID);
        assertThat(copy.secretAccessKey()).contains("secret");
    }

    @Test
    void serialisationKeepsTheSettingsGivenToTheConstructor() throws Exception {
        HakeSettings given = HakeSettings.builder().endpoint(URI.create("http://127.0.0.1:4566")).prefix("given-")
                .trustedPackages(List.of()).createDestinations(false).build();

        HakeSettings copy = roundTrip(new HakeConnectionFactory(given)).settings();

        assertThat(copy).hasToString(given.toString());
    }

    private static HakeConnectionFactory roundTrip(HakeConnectionFactory factory) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (HakeConnectionFactory) in.readObject();
        }
    }

    private static void assertConflict(Consumer<HakeConnectionFactory> setter, String uri, String message) {
        HakeConnectionFactory setterFirst = new HakeConnectionFactory();
        setter.accept(setterFirst);
        assertThatThrownBy(() -> setterFirst.setUri(uri)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);

        HakeConnectionFactory uriFirst = new HakeConnectionFactory(uri);
        assertThatThrownBy(() -> setter.accept(uriFirst)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
