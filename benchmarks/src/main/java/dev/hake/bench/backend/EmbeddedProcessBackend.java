package dev.hake.bench.backend;

import dev.hake.embedded.EmbeddedHakeProcess;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * hake's embedded endpoint in a JVM of its own ({@link EmbeddedHakeProcess}: the embedded server on
 * 127.0.0.1, the benchmark's classpath), so that its CPU and heap are not the benchmark's.
 */
final class EmbeddedProcessBackend implements Backend {

    private static final String HEAP = "-Xmx1g";

    private final EmbeddedHakeProcess server;
    private final URI endpoint;

    private EmbeddedProcessBackend(EmbeddedHakeProcess server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Starts the server and returns once it has printed its endpoint; its log goes to {@code logDirectory}. */
    static EmbeddedProcessBackend start(Path logDirectory) {
        EmbeddedHakeProcess server = EmbeddedHakeProcess.start(List.of(HEAP), logDirectory.resolve("embedded-hake-server.log"));
        try {
            return new EmbeddedProcessBackend(server, EndpointBackend.requireLoopback(server.endpoint()));
        } catch (RuntimeException e) {
            server.close();
            throw e;
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

    @Override
    public OptionalLong cpuNanos() {
        return server.cpuNanos();
    }

    @Override
    public void close() {
        server.close();
    }
}
