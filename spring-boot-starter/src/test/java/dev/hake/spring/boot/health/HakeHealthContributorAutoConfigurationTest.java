package dev.hake.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hake.jms.HakeConnectionFactory;
import dev.hake.spring.boot.HakeAutoConfiguration;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.SingleConnectionFactory;

/** When the health indicator {@code hake} is there, and when not. Nothing here connects. */
class HakeHealthContributorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HakeAutoConfiguration.class, JmsAutoConfiguration.class,
                    HakeHealthContributorAutoConfiguration.class));

    @Test
    void withTheActuatorThereIsAHakeHealthIndicator() {
        runner.run(context -> assertThat(context).getBean("hakeHealthIndicator")
                .isInstanceOf(HakeHealthIndicator.class));
    }

    @Test
    void withoutTheActuatorThereIsNone() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ConnectionFactory.class);
                    assertThat(context).doesNotHaveBean("hakeHealthIndicator");
                });
    }

    @Test
    void itCanBeTurnedOff() {
        runner.withPropertyValues("management.health.hake.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("hakeHealthIndicator"));
    }

    @Test
    void itFindsHakeInsideTheApplicationsOwnFactory() {
        runner.withUserConfiguration(OwnFactory.class).run(context -> {
            assertThat(context).getBean("hakeHealthIndicator").isInstanceOf(HakeHealthIndicator.class);
            assertThat(HakeHealthContributorAutoConfiguration.hakeFactory(context.getBean(ConnectionFactory.class)))
                    .isSameAs(OwnFactory.HAKE);
        });
    }

    @Test
    void aFactoryThatIsNotHakesIsReportedUnknown() {
        runner.withUserConfiguration(ForeignFactory.class).run(context -> {
            HealthIndicator indicator = context.getBean("hakeHealthIndicator", HealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFactory {

        static final HakeConnectionFactory HAKE = new HakeConnectionFactory("hake:?prefix=own-");

        @Bean
        ConnectionFactory ownConnectionFactory() {
            return new SingleConnectionFactory(HAKE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ForeignFactory {

        @Bean
        ConnectionFactory foreignConnectionFactory() {
            return Mockito.mock(ConnectionFactory.class);
        }
    }
}
