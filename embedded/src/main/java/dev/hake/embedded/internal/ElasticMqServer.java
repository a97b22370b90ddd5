package dev.hake.embedded.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.FutureConverters;

/**
 * ElasticMQ, in this JVM, on a loopback port of its own. It is told to name the front's address in
 * the queue URLs it returns, so clients that follow a queue URL come back through the front.
 */
final class ElasticMqServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticMqServer.class);

    /*
     * Our own actor system, configured here rather than from whatever application.conf is on the
     * classpath (ElasticMQ's jar ships one that turns Pekko logging to DEBUG). Daemon threads, and
     * no JVM shutdown hook of Pekko's own: EmbeddedHake.close() owns the lifecycle.
     * The request timeout must outlast SQS's longest long poll (20 s).
     */
    private static final String PEKKO_CONFIG = """
            pekko {
              daemonic = on
              jvm-shutdown-hooks = off
              coordinated-shutdown.run-by-jvm-shutdown-hook = off
              loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
              logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
              loglevel = "INFO"
              stdout-loglevel = "OFF"
              log-dead-letters = off
              log-dead-letters-during-shutdown = off
              http.server.request-timeout = 25 s
              http.server.idle-timeout = 60 s
              http.server.parsing.max-uri-length = 256k
              http.server.parsing.illegal-header-warnings = off
            }
            """;

    private static final String INTERNAL_HOST = "127.0.0.1";

    private final ActorSystem actorSystem;
    private final Http.ServerBinding binding;

    private ElasticMqServer(ActorSystem actorSystem, Http.ServerBinding binding) {
        this.actorSystem = actorSystem;
        this.binding = binding;
    }

    /**
     * Starts ElasticMQ on a free loopback port.
     *
     * @param advertisedHost host named in queue URLs (the front's)
     * @param advertisedPort port named in queue URLs (the front's)
     */
    static ElasticMqServer start(String advertisedHost, int advertisedPort, String region, String accountId) {
        Config config = ConfigFactory.parseString(PEKKO_CONFIG).withFallback(ConfigFactory.defaultReference());
        ActorSystem actorSystem = ActorSystem.create("hake-elasticmq", config);
        try {
            Http.ServerBinding binding = SQSRestServerBuilder
                    .withActorSystem(actorSystem)
                    .withInterface(INTERNAL_HOST)
                    .withDynamicPort()
                    .withServerAddress(NodeAddress.apply("http", advertisedHost, advertisedPort, ""))
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId)
                    .start()
                    .waitUntilStarted();
            return new ElasticMqServer(actorSystem, binding);
        } catch (RuntimeException e) {
            actorSystem.terminate();
            throw e;
        }
    }

    /** Where ElasticMQ itself listens; only this process should talk to it. */
    URI endpoint() {
        return URI.create("http://" + INTERNAL_HOST + ":" + binding.localAddress().getPort());
    }

    @Override
    public void close() {
        try {
            // A second is enough for in-flight requests; a pending long poll is not worth waiting for.
            await(FutureConverters.asJava(binding.terminate(FiniteDuration.apply(1, TimeUnit.SECONDS))));
            actorSystem.terminate();
            await(actorSystem.getWhenTerminated());
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("ElasticMQ did not stop within 10 s; its daemon threads are left to the JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CompletionStage<?> stage)
            throws InterruptedException, ExecutionException, TimeoutException {
        stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
