package dev.hake.spring.boot;

import dev.hake.bench.proxy.CountingProxy;
import dev.hake.bench.proxy.RequestCounts;
import dev.hake.embedded.EmbeddedHakeProcess;
import dev.hake.testing.BackendResources;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.config.JmsListenerContainerFactory;
import org.springframework.jms.config.JmsListenerEndpointRegistry;
import org.springframework.jms.config.SimpleJmsListenerEndpoint;
import org.springframework.jms.core.JmsTemplate;

/**
 * What the starter's wrapping buys a {@code JmsTemplate.convertAndSend} loop: the same Boot
 * application, once with the bare HakeConnectionFactory ({@code spring.jms.cache.enabled=false}, a
 * connection, and so AWS clients, per send) and once as the starter configures it by default (Spring's
 * CachingConnectionFactory). The backend is hake's embedded server in a process of its own; requests
 * are counted by the benchmarks' proxy in front of it. Then, for the listener settings the README
 * recommends, what an idle {@code @JmsListener} (concurrency 3-10) costs in requests per minute, and how
 * long closing the application takes, with Boot's default receive timeout (1 s) and with 10 s and 20 s.
 * Not a test: run it with
 * {@code ./mvnw -q -pl spring-boot-starter -am package -DskipTests -Pboot-bench} (-Dbench.messages=N).
 */
public final class JmsTemplateBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 2_000);
    private static final int WARM_UP = Math.min(MESSAGES, 200);
    private static final String ACCESS_KEY_ID = "benchmarkAccessKey";
    private static final String SECRET = "benchmarkSecretKey";
    private static final Duration IDLE_SETTLE = Duration.ofSeconds(5);
    private static final Duration IDLE_MEASURED = Duration.ofSeconds(40);

    private JmsTemplateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedHakeProcess server = EmbeddedHakeProcess.start(List.of(), null);
             CountingProxy proxy = CountingProxy.start(server.endpoint());
             BackendResources aws = new BackendResources(proxy.target(), "us-east-1", ACCESS_KEY_ID, SECRET)) {
            System.out.printf("JmsTemplate.convertAndSend of %d 256-byte TextMessages to one queue, one thread;"
                    + " embedded backend in its own process (%s)%n", MESSAGES, proxy.target());
            for (String cache : List.of("false", "true")) {
                String prefix = "jt" + UUID.randomUUID().toString().substring(0, 6) + "-";
                try (ConfigurableApplicationContext application = start(proxy.endpoint(), prefix, cache)) {
                    JmsTemplate template = application.getBean(JmsTemplate.class);
                    send(template, WARM_UP);
                    RequestCounts before = proxy.counts();
                    long start = System.nanoTime();
                    send(template, MESSAGES);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    RequestCounts used = proxy.counts().minus(before);
                    System.out.printf(Locale.ROOT, "%-52s %8.0f msgs/s  %5.2f requests/send  %s%n",
                            cache.equals("true") ? "starter's default (CachingConnectionFactory)"
                                    : "bare HakeConnectionFactory (spring.jms.cache.enabled=false)",
                            MESSAGES / seconds, (double) used.total() / MESSAGES, used);
                } finally {
                    aws.deleteAll(prefix);
                }
            }
            for (String timeout : List.of("1s", "10s", "20s")) {
                idleListener(proxy, aws, timeout);
            }
        }
    }

    private static void idleListener(CountingProxy proxy, BackendResources aws, String receiveTimeout)
            throws InterruptedException {
        String prefix = "jl" + UUID.randomUUID().toString().substring(0, 6) + "-";
        try {
            ConfigurableApplicationContext application = start(proxy.endpoint(), prefix, "true",
                    "spring.jms.listener.receive-timeout=" + receiveTimeout);
            SimpleJmsListenerEndpoint endpoint = new SimpleJmsListenerEndpoint();
            endpoint.setId("idle");
            endpoint.setDestination("idle");
            endpoint.setConcurrency("3-10");
            endpoint.setMessageListener(message -> { });
            JmsListenerEndpointRegistry registry = application.getBean(JmsListenerEndpointRegistry.class);
            registry.registerListenerContainer(endpoint,
                    application.getBean("jmsListenerContainerFactory", JmsListenerContainerFactory.class), true);
            Thread.sleep(IDLE_SETTLE.toMillis());
            RequestCounts before = proxy.counts();
            Thread.sleep(IDLE_MEASURED.toMillis());
            RequestCounts used = proxy.counts().minus(before);
            long closing = System.nanoTime();
            application.close();
            System.out.printf(Locale.ROOT, "idle @JmsListener, concurrency 3-10, receive-timeout %-4s %6.1f requests/min"
                            + "  closing the application: %4.1f s  %s%n", receiveTimeout,
                    used.total() * 60.0 / IDLE_MEASURED.toSeconds(), (System.nanoTime() - closing) / 1e9, used);
        } finally {
            aws.deleteAll(prefix);
        }
    }

    private static void send(JmsTemplate template, int messages) {
        String body = "x".repeat(256);
        for (int i = 0; i < messages; i++) {
            template.convertAndSend("bench", body);
        }
    }

    private static ConfigurableApplicationContext start(URI endpoint, String prefix, String cache, String... more) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).properties(
                "hake.endpoint=" + endpoint, "hake.region=us-east-1", "hake.access-key-id=" + ACCESS_KEY_ID,
                "hake.secret-access-key=" + SECRET, "hake.prefix=" + prefix, "spring.jms.cache.enabled=" + cache,
                "spring.main.banner-mode=off", "logging.level.root=WARN").properties(more).run();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
