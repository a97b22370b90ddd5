package dev.hake.spring.boot;

import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.ConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * A hake {@link ConnectionFactory} from the {@code hake.*} properties, unless the application defines
 * a ConnectionFactory of its own; Boot's {@link JmsAutoConfiguration} then builds its JmsTemplate and
 * listener containers on it.
 *
 * <p>Each hake connection builds its own AWS clients (an HTTP client, credentials, threads), and
 * JmsTemplate opens a connection per operation. So by default, as Boot does for ActiveMQ and Artemis,
 * the factory is wrapped in Spring's {@link CachingConnectionFactory}: one shared connection, with
 * sessions and producers cached as {@code spring.jms.cache.*} says. With
 * {@code spring.jms.cache.enabled=false} the bean is the bare {@link HakeConnectionFactory}.
 */
@AutoConfiguration(before = JmsAutoConfiguration.class)
@ConditionalOnClass({ConnectionFactory.class, HakeConnectionFactory.class})
@ConditionalOnMissingBean(ConnectionFactory.class)
@EnableConfigurationProperties({HakeProperties.class, JmsProperties.class})
public class HakeAutoConfiguration {

    /** Bean name Boot's own JMS auto-configurations use for their ConnectionFactory. */
    static final String BEAN_NAME = "jmsConnectionFactory";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "spring.jms.cache", name = "enabled", havingValue = "false")
    static class Bare {

        @Bean(name = BEAN_NAME)
        HakeConnectionFactory jmsConnectionFactory(HakeProperties properties, ApplicationContext context) {
            return HakeFactoryConfigurer.create(properties, context.getClassLoader());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "spring.jms.cache", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Caching {

        @Bean(name = BEAN_NAME)
        CachingConnectionFactory jmsConnectionFactory(HakeProperties properties, JmsProperties jms,
                                                      ApplicationContext context) {
            JmsProperties.Cache cache = jms.getCache();
            CachingConnectionFactory caching = new CachingConnectionFactory(
                    HakeFactoryConfigurer.create(properties, context.getClassLoader()));
            caching.setCacheConsumers(cache.isConsumers());
            caching.setCacheProducers(cache.isProducers());
            caching.setSessionCacheSize(cache.getSessionCacheSize());
            return caching;
        }
    }
}
