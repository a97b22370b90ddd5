package dev.hake.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendStartupTest {

    private static final Path LOGS = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void unknownBackendIsAnErrorListingTheValidOnes() {
        BackendStartup startup = BackendStartup.start(Map.of("hake.test.backend", "kafka")::get, LOGS);
        assertThatThrownBy(startup::backend).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'kafka'")
                .hasMessageContaining("embedded, moto, localstack, endpoint");
    }

    @Test
    void endpointBackendNeedsItsUrl() {
        BackendStartup startup = BackendStartup.start(Map.of("hake.test.backend", "endpoint", "hake.test.endpoint", " ")::get, LOGS);
        assertThatThrownBy(startup::backend).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dhake.test.endpoint=");
    }

    @Test
    void endpointBackendReadsItsPropertiesWithDefaults() {
        HakeTestBackend backend = BackendStartup.start(Map.of("hake.test.backend", "endpoint",
                "hake.test.endpoint", "http://localhost:4566")::get, LOGS).backend();
        assertThat(backend.name()).isEqualTo("endpoint");
        assertThat(backend.endpoint()).isEqualTo(URI.create("http://localhost:4566"));
        assertThat(backend.region()).isEqualTo("us-east-1");
        assertThat(backend.accessKeyId()).isEqualTo("hakeTestAccessKey");
        assertThat(backend.secretAccessKey()).isEqualTo("hakeTestSecretKey");

        HakeTestBackend configured = BackendStartup.start(Map.of("hake.test.backend", "ENDPOINT",
                "hake.test.endpoint", "http://localhost:4566", "hake.test.region", "eu-central-1",
                "hake.test.accessKeyId", "ak", "hake.test.secretAccessKey", "sk")::get, LOGS).backend();
        assertThat(configured.region()).isEqualTo("eu-central-1");
        assertThat(configured.accessKeyId()).isEqualTo("ak");
        assertThat(configured.secretAccessKey()).isEqualTo("sk");
    }

    @Test
    void endpointMustBeAnAbsoluteUrl() {
        BackendStartup startup = BackendStartup.start(Map.of("hake.test.backend", "endpoint",
                "hake.test.endpoint", "localhost")::get, LOGS);
        assertThatThrownBy(startup::backend).isInstanceOf(IllegalStateException.class).hasMessageContaining("absolute");
    }

    @Test
    void findsExecutablesOnlyWhereThePathSays() {
        assertThat(MotoServer.findOnPath("no-such-program-" + System.nanoTime())).isEmpty();
        assertThat(MotoServer.findOnPath("sh")).isPresent();
    }
}
