package dev.hake.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.spring.boot.BootIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/** The health indicator {@code hake} of a Boot application asks the backend, and it answers. */
class HakeHealthIndicatorIT extends BootIntegrationTest {

    @Test
    void upWhenTheBackendAnswers() {
        ConfigurableApplicationContext application = start(Application.class);
        Health health = application.getBean("hakeHealthIndicator", HealthIndicator.class).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("backend", backend.endpoint().toString())
                .containsEntry("prefix", prefix);
        assertThat(health.toString()).doesNotContain(backend.secretAccessKey());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
