package dev.hake.bench.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CountingProxyTest {

    private static final Duration DELAY = Duration.ofMillis(150);

    private HttpServer backend;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        backend.start();
    }

    @AfterEach
    void stopBackend() {
        backend.stop(0);
    }

    @Test
    void holdsEachRequestForItsDelayAndCountsTheCpuOfItsThreads() throws Exception {
        try (CountingProxy proxy = CountingProxy.start(backendUri(), DELAY)) {
            long cpuBefore = proxy.cpuNanos();
            long start = System.nanoTime();
            int status = send(proxy, "AmazonSQS.SendMessage");
            long elapsed = System.nanoTime() - start;

            assertThat(status).isEqualTo(200);
            assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(DELAY);
            assertThat(proxy.counts().of("SendMessage")).isEqualTo(1);
            assertThat(proxy.cpuNanos()).isGreaterThan(cpuBefore);
        }
    }

    @Test
    void withoutADelayForwardsAtOnce() throws Exception {
        try (CountingProxy proxy = CountingProxy.start(backendUri())) {
            assertThat(proxy.requestDelay()).isZero();
            assertThat(send(proxy, "AmazonSQS.ReceiveMessage")).isEqualTo(200);
            assertThat(proxy.counts().of("ReceiveMessage")).isEqualTo(1);
        }
    }

    private int send(CountingProxy proxy, String target) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(proxy.endpoint().resolve("/"))
                .header("X-Amz-Target", target)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI backendUri() {
        return URI.create("http://127.0.0.1:" + backend.getAddress().getPort());
    }
}
