package dev.hake.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HakeUriTest {

    @Test
    void parsesEveryOption() {
        HakeSettings s = HakeUri.parse("hake:?region=eu-west-1&endpoint=http%3A%2F%2F127.0.0.1%3A4566&prefix=dev-"
                + "&clientId=app1&createDestinations=false&accessKeyId=AKIDEXAMPLE&secretAccessKey=s3cr3t"
                + "&sessionToken=tok&receiveBatchSize=5&receiveWaitSeconds=3&visibilityTimeoutSeconds=60"
                + "&listenerThreads=8&trustedPackages=com.acme,java.lang");

        assertThat(s.region()).contains("eu-west-1");
        assertThat(s.endpoint()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(s.prefix()).isEqualTo("dev-");
        assertThat(s.clientId()).contains("app1");
        assertThat(s.createDestinations()).isFalse();
        assertThat(s.accessKeyId()).contains("AKIDEXAMPLE");
        assertThat(s.secretAccessKey()).contains("s3cr3t");
        assertThat(s.sessionToken()).contains("tok");
        assertThat(s.receiveBatchSize()).isEqualTo(5);
        assertThat(s.receiveWaitSeconds()).isEqualTo(3);
        assertThat(s.visibilityTimeoutSeconds()).isEqualTo(60);
        assertThat(s.listenerThreads()).isEqualTo(8);
        assertThat(s.trustedPackages()).containsExactly("com.acme", "java.lang");
        assertThat(s.embedded()).isFalse();
    }

    @Test
    void defaultsAreDocumentedOnes() {
        HakeSettings s = HakeUri.parse("hake:");
        assertThat(s.region()).isEmpty();
        assertThat(s.endpoint()).isEmpty();
        assertThat(s.prefix()).isEmpty();
        assertThat(s.createDestinations()).isTrue();
        assertThat(s.receiveBatchSize()).isEqualTo(10);
        assertThat(s.receiveWaitSeconds()).isEqualTo(20);
        assertThat(s.visibilityTimeoutSeconds()).isEqualTo(30);
        assertThat(s.listenerThreads()).isEqualTo(32);
        assertThat(s.trustedPackages()).containsExactly("java.lang", "java.util", "java.time", "java.math");
    }

    @Test
    void embeddedTargetTakesOptions() {
        HakeSettings s = HakeUri.parse("hake:embedded?prefix=demo-");
        assertThat(s.embedded()).isTrue();
        assertThat(s.prefix()).isEqualTo("demo-");
    }

    @Test
    void unknownKeyIsNamed() {
        assertThatThrownBy(() -> HakeUri.parse("hake:?region=us-east-1&regoin=eu-west-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown hake URI option 'regoin'")
                .hasMessageContaining("region");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> HakeUri.parse("hake:?receiveBatchSize=11"))
                .hasMessage("option 'receiveBatchSize' must be between 1 and 10, was 11");
        assertThatThrownBy(() -> HakeUri.parse("hake:?listenerThreads=0"))
                .hasMessage("option 'listenerThreads' must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> HakeUri.parse("hake:?createDestinations=yes"))
                .hasMessage("option 'createDestinations' must be true or false, was 'yes'");
        assertThatThrownBy(() -> HakeUri.parse("hake:?prefix=a/b"))
                .hasMessageContaining("option 'prefix'");
        assertThatThrownBy(() -> HakeUri.parse("hake:?region=a&region=b"))
                .hasMessage("hake URI option 'region' is given twice");
        assertThatThrownBy(() -> HakeUri.parse("amqp://x")).hasMessageContaining("starts with 'hake:'");
        assertThatThrownBy(() -> HakeUri.parse("hake:elsewhere")).hasMessageContaining("unknown hake URI target");
    }

    @Test
    void keysMustComeInPairs() {
        assertThatThrownBy(() -> HakeUri.parse("hake:?accessKeyId=AKID"))
                .hasMessageContaining("'accessKeyId' and 'secretAccessKey' must be set together");
    }

    @Test
    void toStringHidesSecrets() {
        HakeSettings s = HakeUri.parse("hake:?accessKeyId=AKIDEXAMPLE&secretAccessKey=s3cr3t&sessionToken=tok");
        assertThat(s.toString()).doesNotContain("s3cr3t").doesNotContain("tok").doesNotContain("AKIDEXAMPLE")
                .contains("static (hidden)");
    }

    @Test
    void builderRoundTripsThroughToBuilder() {
        HakeSettings s = HakeSettings.builder().prefix("x-").trustedPackages(List.of("com.acme")).build();
        HakeSettings copy = s.toBuilder().build();
        assertThat(copy.prefix()).isEqualTo("x-");
        assertThat(copy.trustedPackages()).containsExactly("com.acme");
    }

    @Test
    void ofSpellsOutSettingsThatParseBackToThemselves() {
        HakeSettings s = HakeSettings.builder().embedded(true).prefix("p-").clientId("a b&c=d")
                .accessKeyId("AKIDEXAMPLE").secretAccessKey("s3/cr+3t").trustedPackages(List.of())
                .receiveWaitSeconds(0).build();
        HakeSettings remote = HakeSettings.builder().endpoint(URI.create("http://127.0.0.1:4566/x?y=1"))
                .region("eu-west-1").createDestinations(false).build();

        for (HakeSettings settings : List.of(s, remote, HakeSettings.builder().build())) {
            HakeSettings copy = HakeUri.parse(HakeUri.of(settings));
            assertThat(copy).hasToString(settings.toString());
            assertThat(copy.secretAccessKey()).isEqualTo(settings.secretAccessKey());
        }
    }

    @Test
    void valuesCompareAsTheSettingsHoldThem() {
        assertThat(HakeUri.value("receiveBatchSize", "05")).isEqualTo(HakeUri.value("receiveBatchSize", "5"));
        assertThat(HakeUri.value("trustedPackages", "a.b, c")).isEqualTo(HakeUri.value("trustedPackages", "a.b,c"));
        assertThatThrownBy(() -> HakeUri.value("receiveBatchSize", "11"))
                .hasMessage("option 'receiveBatchSize' must be between 1 and 10, was 11");
        assertThatThrownBy(() -> HakeUri.value("colour", "blue")).hasMessageContaining("unknown hake URI option 'colour'");
    }
}
