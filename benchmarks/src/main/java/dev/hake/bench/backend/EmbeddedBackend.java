package dev.hake.bench.backend;

import dev.hake.embedded.EmbeddedHake;
import java.net.URI;

/** hake's SNS+SQS endpoint (ElasticMQ plus an SNS front) in the benchmark's own JVM: nothing to install. */
final class EmbeddedBackend implements Backend {

    private final EmbeddedHake hake = EmbeddedHake.builder().build().start();

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public URI endpoint() {
        return hake.endpoint();
    }

    @Override
    public String region() {
        return hake.region();
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public void close() {
        hake.close();
    }
}
