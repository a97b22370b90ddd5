package dev.hake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final List<String> KEYS = List.of("bench.realistic", "bench.requestDelayMillis", "bench.scenarios",
            "bench.drainMessages", "bench.repeat", "bench.plainCalls", "bench.messages");

    @AfterEach
    void clearProperties() {
        KEYS.forEach(System::clearProperty);
    }

    @Test
    void noDelayByDefault() {
        assertThat(BenchOptions.from(new String[0]).requestDelay()).isZero();
    }

    @Test
    void realisticMeansEightMillisecondsARequest() {
        assertThat(BenchOptions.from(new String[] {"bench.realistic=true"}).requestDelay())
                .isEqualTo(Duration.ofMillis(8));
    }

    @Test
    void anExplicitDelayWins() {
        assertThat(BenchOptions.from(new String[] {"bench.realistic=true", "bench.requestDelayMillis=20"})
                .requestDelay()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void refusesANegativeDelayAndAVagueRealistic() {
        assertThatThrownBy(() -> BenchOptions.from(new String[] {"bench.requestDelayMillis=-1"}))
                .hasMessageContaining("bench.requestDelayMillis");
        System.clearProperty("bench.requestDelayMillis");
        assertThatThrownBy(() -> BenchOptions.from(new String[] {"bench.realistic=yes"}))
                .hasMessageContaining("bench.realistic");
    }

    @Test
    void drainScenariosHaveTheirBacklog() {
        BenchOptions options = BenchOptions.from(new String[] {"bench.scenarios=drain-4c", "bench.drainMessages=300"});
        assertThat(options.drainScenarios()).containsExactly(Scenario.drain(4, 256, 300));
        assertThat(options.throughputScenarios()).isEmpty();
    }

    @Test
    void oneRoundByDefaultAndNeverNone() {
        assertThat(BenchOptions.from(new String[0]).repeat()).isEqualTo(1);
        assertThat(BenchOptions.from(new String[] {"bench.repeat=5"}).repeat()).isEqualTo(5);
        assertThatThrownBy(() -> BenchOptions.from(new String[] {"bench.repeat=0"}))
                .hasMessageContaining("bench.repeat");
    }

    @Test
    void plainCallsAreInAllAndMakeAsManyCallsAsAScenarioHasMessages() {
        BenchOptions options = BenchOptions.from(new String[] {"bench.messages=700"});
        assertThat(options.wants(BenchOptions.PLAIN_CALLS)).isTrue();
        assertThat(options.plainCalls()).isEqualTo(700);
        assertThat(BenchOptions.from(new String[] {"bench.plainCalls=300"}).plainCalls()).isEqualTo(300);
    }
}
