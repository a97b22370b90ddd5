package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hake.core.aws.AwsClients;
import dev.hake.testing.TemporarySystemProperties;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hake:embedded} is for tests and demos on a laptop or a CI runner: it must not look for a
 * region or credentials in the environment. Off EC2 that lookup ends in a probe of the instance-
 * metadata address 169.254.169.254 (most of a second per connection, and traffic off the machine).
 *
 * <p>The SDK's metadata and container-credentials endpoints are pointed at a recording server on
 * loopback, and a recording ProxySelector sees every connection made through java.net's URL and
 * Socket classes (the SDK's own lookups use a proxy-free URL connection, hence the recording server).
 */
@SuppressWarnings("try") // system properties set for a block, not referenced in it
class EmbeddedBackendStaysOnLoopbackIT {

    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final List<URI> javaNetConnections = new CopyOnWriteArrayList<>();
    private HttpServer recorder;
    private ProxySelector originalProxySelector;
    private TemporarySystemProperties sdkEndpoints;

    @BeforeEach
    void pointTheSdksLookupsAtARecorder() throws IOException {
        recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        recorder.createContext("/", exchange -> {
            lookups.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        recorder.start();
        String recorderUrl = "http://127.0.0.1:" + recorder.getAddress().getPort();
        sdkEndpoints = TemporarySystemProperties.set(
                "aws.ec2MetadataServiceEndpoint", recorderUrl,
                "aws.containerCredentialsFullUri", recorderUrl + "/credentials");

        originalProxySelector = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                javaNetConnections.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
    }

    @AfterEach
    void restore() {
        ProxySelector.setDefault(originalProxySelector);
        sdkEndpoints.close();
        recorder.stop(0);
    }

    @Test
    void openingAConnectionAndSendingAndReceivingAMessageTouchesOnlyLoopback() throws Exception {
        try (Connection connection = new HakeConnectionFactory("hake:embedded?prefix=loopback-").createConnection()) {
            roundTrip(connection);
        }

        assertThat(lookups).as("requests to the SDK's metadata and credentials endpoints").isEmpty();
        assertThat(javaNetConnections).as("connections made through java.net")
                .allSatisfy(uri -> assertThat(InetAddress.getByName(uri.getHost()).isLoopbackAddress())
                        .as(uri.toString()).isTrue());
    }

    @Test
    void theEnvironmentsRegionAndCredentialsAreNotAskedFor() throws Exception {
        // The SDK's chains read these system properties first: a connection that asked would get them.
        try (TemporarySystemProperties environment = TemporarySystemProperties.set(
                "aws.region", "xx-environment-1",
                "aws.accessKeyId", "ENVIRONMENTKEY00000",
                "aws.secretAccessKey", "environment-secret");
             Connection connection = new HakeConnectionFactory("hake:embedded?prefix=loopback-").createConnection()) {
            AwsClients aws = ((HakeConnection) connection).services().core.aws();

            assertThat(aws.region()).isEqualTo("us-east-1");
            assertThat(aws.sqs().serviceClientConfiguration().credentialsProvider().resolveIdentity().join()
                    .accessKeyId()).isNotEqualTo("ENVIRONMENTKEY00000");
            roundTrip(connection);
        }
    }

    private static void roundTrip(Connection connection) throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        // A temporary queue goes away with its connection: nothing is left behind.
        TemporaryQueue queue = session.createTemporaryQueue();
        session.createProducer(queue).send(session.createTextMessage("local only"));
        connection.start();
        Message received = session.createConsumer(queue).receive(10_000);
        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isEqualTo("local only");
    }
}
