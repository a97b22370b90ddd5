package dev.hake.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link EmbeddedHakeServer} in a JVM of its own, on this JVM's classpath, for benchmarks that
 * must not charge the backend's CPU and heap to the client. It stops when its standard input
 * closes: at {@link #close()}, or when this JVM dies for any reason.
 */
public final class EmbeddedHakeProcess implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    private final Process process;
    private final URI endpoint;

    private EmbeddedHakeProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts the server and returns once it has printed its endpoint (within a minute).
     *
     * @param jvmOptions options of the server's JVM, such as {@code -Xmx1g}
     * @param errorLog where the server's standard error goes; null to drop it
     */
    public static EmbeddedHakeProcess start(List<String> jvmOptions, Path errorLog) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedHakeServer.class.getName()));
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (errorLog == null) {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            } else {
                Files.createDirectories(errorLog.toAbsolutePath().getParent());
                builder.redirectError(errorLog.toFile());
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + EmbeddedHakeServer.class.getSimpleName(), e);
        }
        try {
            return new EmbeddedHakeProcess(process, awaitEndpoint(process, errorLog));
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** The server's SNS+SQS endpoint, on 127.0.0.1. */
    public URI endpoint() {
        return endpoint;
    }

    /** The server process's CPU time so far, as the operating system reports it (clock ticks, 10 ms on Linux). */
    public OptionalLong cpuNanos() {
        return process.info().totalCpuDuration().map(d -> OptionalLong.of(d.toNanos())).orElse(OptionalLong.empty());
    }

    /** Closing standard input is the server's signal to stop; if it does not, it is terminated, then killed. */
    @Override
    public void close() {
        stop(process);
    }

    /**
     * Reads standard output, on a thread of its own so that the wait is bounded, up to the endpoint
     * line; whatever follows is read and dropped, so the server never blocks on a full pipe.
     */
    private static URI awaitEndpoint(Process process, Path errorLog) {
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
        }, "embedded-hake-process-output");
        reader.setDaemon(true);
        reader.start();
        String seeLog = errorLog == null ? "" : "; its log is " + errorLog;
        try {
            return endpoint.get(STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the embedded server printed no endpoint within " + STARTUP_LIMIT.toSeconds()
                    + " s" + seeLog, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded server stopped before printing its endpoint"
                    + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")") + seeLog, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded server", e);
        }
    }

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
