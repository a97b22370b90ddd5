package dev.hake.embedded.junit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code moto_server} (moto, Python) as a child process on a free loopback port: SNS and SQS on
 * one port, an emulator independent of ours. Its output goes to a file in the log directory.
 * Used by the test backend {@code moto} and by the benchmarks.
 */
public final class MotoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MotoServer.class);

    static final String EXECUTABLE = "moto_server";
    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts moto_server and returns once it answers. {@code purpose} completes the error when it
     * is not installed, e.g. "hake.test.backend=moto".
     */
    public static MotoServer start(Path logDirectory, String purpose) {
        Path executable = findOnPath(EXECUTABLE).orElseThrow(() -> new IllegalStateException(
                purpose + " needs " + EXECUTABLE + " on the PATH, and there is none."
                        + " Install it (pip install 'moto[server]') or choose another backend."));
        int port = freeLoopbackPort();
        URI endpoint = URI.create("http://" + HOST + ":" + port);
        Path log = logDirectory.resolve("moto_server-" + port + ".log");
        Process process;
        try {
            Files.createDirectories(logDirectory);
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", HOST, "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + executable, e);
        }
        try {
            awaitAnswer(process, endpoint, log);
        } catch (RuntimeException e) {
            stop(process);
            throw e;
        }
        LOG.info("moto_server answers at {} (output in {})", endpoint, log);
        return new MotoServer(process, endpoint);
    }

    /** Where moto answers: {@code http://127.0.0.1:PORT}, SNS and SQS alike. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops moto and whatever it started; does not throw. */
    @Override
    public void close() {
        stop(process);
    }

    /**
     * Polls until moto answers any HTTP request. Between attempts it waits on the process itself,
     * so a moto that dies at startup is reported at once rather than after the time limit.
     */
    private static void awaitAnswer(Process process, URI endpoint, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto_server", e);
            }
            if (exitedWithin(process, Duration.ofMillis(200))) {
                throw new IllegalStateException(EXECUTABLE + " exited with code " + process.exitValue()
                        + " before answering on " + endpoint + "; its output is in " + log);
            }
        }
        throw new IllegalStateException(EXECUTABLE + " did not answer on " + endpoint + " within "
                + STARTUP_LIMIT.toSeconds() + " s; its output is in " + log);
    }

    /** The pyenv shim or launcher may have started children; they go too. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!exitedWithin(process, STOP_LIMIT)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static boolean exitedWithin(Process process, Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    static Optional<Path> findOnPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, executable);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A port free now; another process could take it before moto binds it, which is rare enough. */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }
}
