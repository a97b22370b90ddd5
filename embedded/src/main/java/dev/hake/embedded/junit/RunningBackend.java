package dev.hake.embedded.junit;

/** A started backend: what tests see of it, and how to stop it. */
interface RunningBackend extends AutoCloseable {

    HakeTestBackend backend();

    /** Stops the backend and everything it started; must not throw. */
    @Override
    void close();
}
