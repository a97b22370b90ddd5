package dev.hake.bench.backend;

import java.net.URI;

/** An SNS+SQS endpoint the benchmark runs against, and how to stop it. */
public interface Backend extends AutoCloseable {

    /** embedded, moto or endpoint. */
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

    /** Stops what the benchmark started; must not throw. */
    @Override
    void close();
}
