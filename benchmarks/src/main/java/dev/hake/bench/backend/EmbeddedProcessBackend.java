package dev.hake.bench.backend;

import dev.hake.embedded.EmbeddedHakeServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * hake's embedded endpoint in a JVM of its own ({@link EmbeddedHakeServer} on 127.0.0.1, the
 * benchmark's classpath), so that its CPU and heap are not the benchmark's. It stops when its
 * standard input closes: at {@link #close()}, or when this JVM dies for any reason.
 */
final class EmbeddedProcessBackend implements Backend {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    private static final String HEAP = "-Xmx1g";

    private final Process process;
    private final URI endpoint;

    private EmbeddedProcessBackend(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts the server and returns once it has printed its endpoint; its log goes to {@code logDirectory}. */
    static EmbeddedProcessBackend start(Path logDirectory) {
        Path log = logDirectory.resolve("embedded-hake-server.log");
        Process process;
        try {
            Files.createDirectories(logDirectory);
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP, "-cp", System.getProperty("java.class.path"), EmbeddedHakeServer.class.getName()))
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + EmbeddedHakeServer.class.getSimpleName(), e);
        }
        try {
            return new EmbeddedProcessBackend(process, awaitEndpoint(process, log));
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /**
     * Reads standard output, on a thread of its own so that the wait is bounded, up to the endpoint
     * line; whatever follows is read and dropped, so the server never blocks on a full pipe.
     */
    private static URI awaitEndpoint(Process process, Path log) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!endpoint.isDone() && line.startsWith(EmbeddedHakeServer.ENDPOINT_LINE_PREFIX)) {
                        endpoint.complete(URI.create(line.substring(EmbeddedHakeServer.ENDPOINT_LINE_PREFIX.length())));
                    }
                }
            } catch (IOException | RuntimeException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IllegalStateException("the server's output ended"));
        }, "bench-embedded-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return EndpointBackend.requireLoopback(endpoint.get(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            throw new IllegalStateException("the embedded server printed no endpoint within " + STARTUP_LIMIT.toSeconds()
                    + " s; its log is " + log, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded server stopped before printing its endpoint"
                    + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")") + "; its log is " + log,
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded server", e);
        }
    }

    @Override
    public String name() {
        return "embedded-process";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /** The server process's CPU time so far, as the operating system reports it (clock ticks, 10 ms on Linux). */
    @Override
    public OptionalLong cpuNanos() {
        return process.info().totalCpuDuration().map(d -> OptionalLong.of(d.toNanos())).orElse(OptionalLong.empty());
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Closing standard input is the server's signal to stop; if it does not, it is terminated, then killed. */
    private static void stop(Process process) {
        List<Runnable> escalation = List.of(() -> closeQuietly(process), process::destroy, process::destroyForcibly);
        for (Runnable step : escalation) {
            step.run();
            if (awaitExit(process)) {
                return;
            }
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed: the process is going
        }
    }

    /** Whether the process ended within {@link #STOP_LIMIT}. */
    private static boolean awaitExit(Process process) {
        try {
            process.onExit().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
