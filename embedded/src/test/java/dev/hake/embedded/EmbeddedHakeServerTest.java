package dev.hake.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.embedded.EmbeddedHakeServer.Options;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedHakeServerTest {

    @Test
    void withoutArgumentsItTakesAnyFreePortInUsEast1AndWatchesStdin() {
        assertThat(Options.parse(List.of())).isEqualTo(new Options(0, "us-east-1", false));
    }

    @Test
    void readsEveryOption() {
        assertThat(Options.parse(List.of("--port", "4566", "--region", "eu-west-1", "--ignore-stdin")))
                .isEqualTo(new Options(4566, "eu-west-1", true));
    }

    @Test
    void refusesWhatItCannotUseNamingTheArgument() {
        assertThatThrownBy(() -> Options.parse(List.of("--port", "http"))).hasMessageContaining("--port")
                .hasMessageContaining("'http'");
        assertThatThrownBy(() -> Options.parse(List.of("--port", "70000"))).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> Options.parse(List.of("--port"))).hasMessage("--port needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--region", "--ignore-stdin")))
                .hasMessage("--region needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--host", "0.0.0.0")))
                .hasMessage("unknown argument '--host'");
    }
}
