package dev.hake.ee;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Payara Micro in a JVM of its own, listening on a free port of 127.0.0.1 only, with the adapter
 * and one application deployed (the adapter first, as the application's beans need it). It is
 * ready when the application answers HTTP: Payara's "ready" log line comes even when a deployment
 * failed.
 */
final class PayaraMicro implements AutoCloseable {

    /** A cold start with the adapter and the application takes 10 to 20 s here; this bounds a stuck one. */
    static final Duration START_LIMIT = Duration.ofSeconds(120);
    /** Long enough for the adapter to finish the deliveries in progress at SIGTERM (it waits up to 30 s). */
    static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI application;
    private final Path log;
    /** A test JVM that ends before it closes the server (a failed run, Ctrl-C) takes the server with it. */
    private final Thread killOnExit;
    private Duration startTime;

    private PayaraMicro(Process process, URI application, Path log) {
        this.process = process;
        this.application = application;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "payara-micro-kill-on-exit");
    }

    /** What to run: the files, and what to set in the server before it deploys them. */
    record Setup(Path payaraMicroJar, Path adapterRar, Path applicationWar, List<String> postBootCommands,
                 Map<String, String> systemProperties) {
    }

    /**
     * Starts the server in {@code directory} (emptied first: Payara redeploys whatever an old root
     * directory holds) and returns once the application answers {@code readinessPath}.
     *
     * @throws IllegalStateException if it exits or does not answer within {@link #START_LIMIT}; the
     *                               message ends with the last lines of its log
     */
    static PayaraMicro start(Setup setup, Path directory, String readinessPath) throws IOException {
        deleteRecursively(directory);
        Path root = directory.resolve("root");
        Path tmp = Files.createDirectories(directory.resolve("tmp"));
        Path preBoot = Files.writeString(directory.resolve("pre-boot.asadmin"), String.join("\n",
                // Payara Micro listens on every interface unless told otherwise; the tests stay on loopback.
                "set configs.config.server-config.network-config.network-listeners.network-listener"
                        + ".http-listener.address=127.0.0.1",
                // Its SSL setup warns about certificates an HTTP-only test never uses.
                "set-log-levels javax.enterprise.system.security.ssl=SEVERE", ""));
        Path postBoot = Files.writeString(directory.resolve("post-boot.asadmin"),
                String.join("\n", setup.postBootCommands()) + "\n");
        int port = freeLoopbackPort();
        String contextRoot = setup.applicationWar().getFileName().toString().replaceFirst("\\.war$", "");
        URI application = URI.create("http://127.0.0.1:" + port + "/" + contextRoot + "/");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Enough for this application; C1 only, as a test server runs briefly and boots faster so.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp));
        setup.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", setup.payaraMicroJar().toString(),
                // No clustering (it would open more ports and look for peers) and no usage reports.
                "--nohazelcast", "--disablephonehome",
                "--port", Integer.toString(port),
                "--rootdir", root.toString(),
                "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--deploy", setup.adapterRar().toString(),
                "--deploy", setup.applicationWar().toString()));
        Path log = directory.resolve("payara.log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PayaraMicro server = new PayaraMicro(process, application, log);
        Runtime.getRuntime().addShutdownHook(server.killOnExit);
        try {
            await().atMost(START_LIMIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> server.answers(readinessPath));
        } catch (ConditionTimeoutException | IllegalStateException e) {
            server.close();
            throw new IllegalStateException("Payara Micro did not serve " + application.resolve(readinessPath)
                    + " within " + START_LIMIT.toSeconds() + " s: " + e.getMessage() + "\n" + server.logTail(), e);
        }
        server.startTime = Duration.ofNanos(System.nanoTime() - started);
        return server;
    }

    /** From the process start to the application's first answer. */
    Duration startTime() {
        return startTime;
    }

    /**
     * GETs {@code path} (relative to the application's root) and returns the body.
     *
     * @throws IllegalStateException for any answer but 200
     */
    String get(String path) {
        return request("GET", path);
    }

    /** POSTs to {@code path} with no body and returns the answer's body; as {@link #get}. */
    String post(String path) {
        return request("POST", path);
    }

    private String request(String method, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(application.resolve(path))
                            .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private boolean answers(String path) {
        if (!process.isAlive()) {
            throw new IllegalStateException("Payara Micro exited with code " + process.exitValue());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(application.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends SIGTERM, as a service manager stops a server: Payara undeploys the application and stops
     * the adapter before it exits.
     *
     * @return whether it exited within {@link #STOP_LIMIT}; if not, it is killed
     */
    boolean stop() {
        process.destroy();
        boolean byItself = exitedWithin(STOP_LIMIT);
        if (!byItself) {
            process.destroyForcibly();
            exitedWithin(Duration.ofSeconds(10));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException jvmExitingAlready) {
            // the hook runs anyway and finds the process gone
        }
        return byItself;
    }

    boolean isRunning() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** {@link #stop}, whether or not it is still running. */
    @Override
    public void close() {
        stop();
    }

    private boolean exitedWithin(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last 40 lines of the server's log, where a failed deployment says why. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(its log " + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
