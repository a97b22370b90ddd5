package dev.hake.embedded.junit;

import java.nio.file.Path;

/** The test backend {@code moto}: a {@link MotoServer} of its own, stopped when the run ends. */
final class MotoBackend implements RunningBackend {

    static final String NAME = "moto";

    private final MotoServer server;
    private final HakeTestBackend backend;

    private MotoBackend(MotoServer server) {
        this.server = server;
        // moto accepts any credentials.
        this.backend = new HakeTestBackend(NAME, server.endpoint(), "us-east-1", HakeTestBackend.EMULATOR_ACCESS_KEY_ID, HakeTestBackend.EMULATOR_SECRET_ACCESS_KEY);
    }

    static MotoBackend start(Path logDirectory) {
        return new MotoBackend(MotoServer.start(logDirectory, "hake.test.backend=moto"));
    }

    @Override
    public HakeTestBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        server.close();
    }
}
