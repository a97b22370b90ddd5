package dev.hake.bench.backend;

import java.net.URI;
import java.util.OptionalLong;

/** An SNS+SQS endpoint the benchmark runs against, and how to stop it. */
public interface Backend extends AutoCloseable {

    /** embedded, embedded-process, moto or endpoint. */
    String name();

    URI endpoint();

    default String region() {
        return "us-east-1";
    }

    /** Emulators accept any credentials; these are the customary ones. */
    default String accessKeyId() {
        return "test";
    }

    default String secretAccessKey() {
        return "test";
    }

    /**
     * Whether the backend runs in the benchmark's JVM: then the CPU the JVM spends includes the
     * backend's, and a client's CPU figure cannot be told apart from it.
     */
    default boolean inProcess() {
        return false;
    }

    /** The backend's CPU time so far, where the benchmark can see it (a process it started). */
    default OptionalLong cpuNanos() {
        return OptionalLong.empty();
    }

    /** Stops the benchmark started; must not throw. */
    @Override
    void close();
}
