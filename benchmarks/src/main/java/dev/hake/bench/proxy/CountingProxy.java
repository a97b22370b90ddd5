package dev.hake.bench.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback HTTP proxy that forwards every request to one SNS+SQS endpoint and counts it by
 * action. hake builds its SDK clients itself, so this is how its requests are counted without
 * touching it; every client under test goes through the same proxy, so the hop costs each the same.
 *
 * <p>Forwarding is asynchronous: a long poll waiting at the backend holds no proxy thread, so a
 * thousand idle consumers do not mean a thousand threads here. The proxy rewrites {@code Host},
 * so a backend that checks SigV4 signatures would refuse the requests; the emulators do not check.
 *
 * <p>It can hold every request for a fixed delay before forwarding it, as a network between the
 * client and AWS would; the forward is scheduled, so a delayed request holds no thread either.
 * Every thread of the proxy, the JDK's HTTP server and client threads included, belongs to one
 * thread group, so that {@link #cpuNanos()} can tell the proxy's CPU from the clients'.
 */
public final class CountingProxy implements AutoCloseable {

    /** Headers that belong to one connection, or that java.net.http sets itself and refuses. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection", "content-length", "expect", "host", "keep-alive", "proxy-authorization",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "date", "server");
    /** Longer than the longest SQS long poll (20 s). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final URI target;
    private final HttpServer server;
    private final HttpClient client;
    private final ExecutorService serverThreads;
    private final ExecutorService clientThreads;
    private final ExecutorService replyThreads;
    private final ScheduledExecutorService delayThread;
    private final Duration requestDelay;
    private final ProxyThreads threads;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Runs on a thread of {@code threads}' group, so that the JDK's own server and client threads join it. */
    private CountingProxy(URI target, HttpServer server, Duration requestDelay, ProxyThreads threads) {
        this.target = target;
        this.server = server;
        this.requestDelay = requestDelay;
        this.threads = threads;
        this.serverThreads = Executors.newFixedThreadPool(4, threads.factory("bench-proxy-in-"));
        this.clientThreads = Executors.newFixedThreadPool(4, threads.factory("bench-proxy-out-"));
        this.replyThreads = Executors.newFixedThreadPool(4, threads.factory("bench-proxy-reply-"));
        this.delayThread = Executors.newSingleThreadScheduledExecutor(threads.factory("bench-proxy-delay-"));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientThreads)
                .build();
        server.setExecutor(serverThreads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Starts a proxy on a free 127.0.0.1 port in front of {@code target}, forwarding at once. */
    public static CountingProxy start(URI target) {
        return start(target, Duration.ZERO);
    }

    /** Starts a proxy on a free 127.0.0.1 port in front of {@code target}, holding each request {@code requestDelay}. */
    public static CountingProxy start(URI target, Duration requestDelay) {
        if (requestDelay.isNegative()) {
            throw new IllegalArgumentException("the request delay cannot be negative: " + requestDelay);
        }
        // The JDK server leaves Nagle's algorithm on, which costs ~40 ms per small response.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
        ProxyThreads threads = new ProxyThreads();
        return threads.build(() -> {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                return new CountingProxy(target, server, requestDelay, threads);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind the counting proxy", e);
            }
        });
    }

    /** Where clients should send their requests. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI target() {
        return target;
    }

    /** How long each request is held before it is forwarded. */
    public Duration requestDelay() {
        return requestDelay;
    }

    /**
     * CPU time the proxy's live threads have used so far. Its threads live as long as the proxy, so
     * the difference of two readings is what the proxy used in between.
     */
    public long cpuNanos() {
        return threads.cpuNanos();
    }

    /** Everything counted since the proxy started. */
    public RequestCounts counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((action, n) -> snapshot.put(action, n.sum()));
        return new RequestCounts(snapshot);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        URI uri = exchange.getRequestURI();
        String action = ActionNames.of(exchange.getRequestHeaders().getFirst("X-Amz-Target"), uri.getRawQuery(), body);
        counts.computeIfAbsent(action, a -> new LongAdder()).increment();
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(target.resolve(uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .timeout(REQUEST_TIMEOUT)
                .method(exchange.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> outgoing.header(name, value));
            }
        });
        HttpRequest request = outgoing.build();
        if (requestDelay.isZero()) {
            send(exchange, request);
        } else {
            delayThread.schedule(() -> send(exchange, request), requestDelay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * java.net.http completes {@code sendAsync} on CompletableFuture's default pool, which, where the
     * common pool has fewer than 2 workers (machines of 2 cores or fewer), starts a thread per task.
     * Such a thread ends before the CPU is next read, so what it did would be charged to the client:
     * the reply is written on a thread of the proxy's own instead.
     */
    private void send(HttpExchange exchange, HttpRequest request) {
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .whenCompleteAsync((response, failure) -> respond(exchange, response, failure), replyThreads);
    }

    private static void respond(HttpExchange exchange, HttpResponse<byte[]> response, Throwable failure) {
        try (exchange) {
            if (failure != null) {
                byte[] text = ("counting proxy: the backend did not answer: " + failure)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(502, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] body = response.body();
            // -1: no body at all; 0 would mean a chunked body of unknown length.
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client went away (a cancelled long poll at shutdown); nothing to tell it.
        }
    }

    @Override
    public void close() {
        server.stop(0);
        serverThreads.shutdownNow();
        clientThreads.shutdownNow();
        replyThreads.shutdownNow();
        delayThread.shutdownNow();
    }

}
