package dev.hake.embedded.junit;

import dev.hake.embedded.EmbeddedHake;

/** An {@link EmbeddedHake} on a free loopback port. */
final class EmbeddedBackend implements RunningBackend {

    static final String NAME = "embedded";

    private final EmbeddedHake hake;
    private final HakeTestBackend backend;

    private EmbeddedBackend(EmbeddedHake hake) {
        this.hake = hake;
        // The embedded endpoint checks no signatures; any credentials will do.
        this.backend = new HakeTestBackend(NAME, hake.endpoint(), hake.region(), HakeTestBackend.EMULATOR_ACCESS_KEY_ID, HakeTestBackend.EMULATOR_SECRET_ACCESS_KEY);
    }

    static EmbeddedBackend start() {
        return new EmbeddedBackend(EmbeddedHake.builder().build().start());
    }

    @Override
    public HakeTestBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        hake.close();
    }
}
