package dev.hake.bench.backend;

import dev.hake.embedded.junit.MotoServer;
import java.net.URI;
import java.nio.file.Path;

/** {@code moto_server} as a child process on a free loopback port, stopped at the end of the run. */
final class MotoBackend implements Backend {

    private final MotoServer server;

    private MotoBackend(MotoServer server) {
        this.server = server;
    }

    static MotoBackend start(Path logDirectory) {
        return new MotoBackend(MotoServer.start(logDirectory, "bench.backend=moto"));
    }

    @Override
    public String name() {
        return "moto";
    }

    @Override
    public URI endpoint() {
        return server.endpoint();
    }

    @Override
    public void close() {
        server.close();
    }
}
