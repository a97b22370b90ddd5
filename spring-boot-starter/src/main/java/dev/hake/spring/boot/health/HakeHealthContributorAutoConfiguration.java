package dev.hake.spring.boot.health;

import dev.hake.jms.HakeConnectionFactory;
import dev.hake.spring.boot.HakeAutoConfiguration;
import jakarta.jms.ConnectionFactory;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.connection.DelegatingConnectionFactory;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * The health indicator {@code hake}, when the application has Spring Boot's actuator and a
 * ConnectionFactory (hake's, possibly inside Spring's caching, single-connection or delegating factory). Turned off by
 * {@code management.health.hake.enabled=false}.
 */
@AutoConfiguration(after = {HakeAutoConfiguration.class, JmsAutoConfiguration.class})
@ConditionalOnClass({HealthIndicator.class, HakeConnectionFactory.class})
public class HakeHealthContributorAutoConfiguration {

    // The actuator's conditions on the method: on the class they would be read even without the actuator.
    @Bean
    @ConditionalOnEnabledHealthIndicator("hake")
    @ConditionalOnSingleCandidate(ConnectionFactory.class)
    @ConditionalOnMissingBean(name = "hakeHealthIndicator")
    HealthIndicator hakeHealthIndicator(ConnectionFactory connectionFactory) {
        HakeConnectionFactory hake = hakeFactory(connectionFactory);
        if (hake == null) {
            String type = connectionFactory.getClass().getName();
            return () -> Health.unknown().withDetail("reason", "the ConnectionFactory is not hake's: " + type).build();
        }
        return new HakeHealthIndicator(hake);
    }

    /** The hake factory inside Spring's wrappers, or null. */
    static HakeConnectionFactory hakeFactory(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current instanceof HakeConnectionFactory hake) {
                return hake;
            }
            if (current instanceof SingleConnectionFactory single) {
                current = single.getTargetConnectionFactory();
            } else if (current instanceof DelegatingConnectionFactory delegating) {
                current = delegating.getTargetConnectionFactory();
            } else {
                return null;
            }
        }
        return null;
    }
}
