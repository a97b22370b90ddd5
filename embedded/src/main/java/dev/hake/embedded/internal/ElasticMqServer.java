package dev.hake.embedded.internal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.scaladsl.Http;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.Limits;
import org.elasticmq.NodeAddress;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
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
     * Bodies up to 16 MiB: a 1 MiB message grows in transit (JSON may write a character as a
     * six-byte escape, Query URL-encoding triples many), and Pekko's default of 8 MiB would refuse
     * some that SQS takes.
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
              http.server.parsing.max-content-length = 16m
              http.server.parsing.max-to-strict-bytes = 16m
              http.server.parsing.illegal-header-warnings = off
            }
            """;

    private static final String INTERNAL_HOST = "127.0.0.1";
    /** SQS's own limits, with SQS's current message size. */
    private static final Limits LIMITS = ElasticMqLimits.INSTANCE;

    private final ActorSystem actorSystem;
    private final ActorRef queueManager;
    private final Http.ServerBinding binding;

    private ElasticMqServer(ActorSystem actorSystem, ActorRef queueManager, Http.ServerBinding binding) {
        this.actorSystem = actorSystem;
        this.queueManager = queueManager;
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
            // Our queue manager, so that deleting a queue ends the long polls waiting on it (see QueueStandIn).
            ActorRef queueManager = actorSystem.actorOf(QueueManager.props(LIMITS), "queues");
            Http.ServerBinding binding = SQSRestServerBuilder
                    .withActorSystem(actorSystem)
                    .withQueueManagerActor(queueManager)
                    .withSQSLimits(LIMITS)
                    .withInterface(INTERNAL_HOST)
                    .withDynamicPort()
                    .withServerAddress(NodeAddress.apply("http", advertisedHost, advertisedPort, ""))
                    .withAWSRegion(region)
                    .withAWSAccountId(accountId)
                    .start()
                    .waitUntilStarted();
            return new ElasticMqServer(actorSystem, queueManager, binding);
        } catch (RuntimeException e) {
            actorSystem.terminate();
            throw e;
        }
    }

    /** Where ElasticMQ itself listens; only this process should talk to it. */
    URI endpoint() {
        return URI.create("http://" + INTERNAL_HOST + ":" + binding.localAddress().getPort());
    }

    /** How many receives wait on a queue now; a test knows by it that its long poll is parked. */
    int waitingReceives(String queueName) throws InterruptedException, ExecutionException, TimeoutException {
        Duration timeout = Duration.ofSeconds(10);
        Object found = Patterns.ask(queueManager, new LookupQueue(queueName), timeout).toCompletableFuture()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!(found instanceof Option<?> standIn) || standIn.isEmpty()) {
            return 0;
        }
        return (Integer) Patterns.ask((ActorRef) standIn.get(), QueueStandIn.COUNT_WAITING_RECEIVES, timeout)
                .toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
