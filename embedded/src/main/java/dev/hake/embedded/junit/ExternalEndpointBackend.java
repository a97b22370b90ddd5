package dev.hake.embedded.junit;

import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * An endpoint that someone else runs, named by system properties: {@code hake.test.endpoint}
 * (required), {@code hake.test.region} (default us-east-1), {@code hake.test.accessKeyId} and
 * {@code hake.test.secretAccessKey} (default hakeTestAccessKey/hakeTestSecretKey). Nothing is started or stopped.
 */
final class ExternalEndpointBackend implements RunningBackend {

    static final String NAME = "endpoint";
    static final String ENDPOINT_PROPERTY = "hake.test.endpoint";

    private final HakeTestBackend backend;

    private ExternalEndpointBackend(HakeTestBackend backend) {
        this.backend = backend;
    }

    static ExternalEndpointBackend fromProperties(UnaryOperator<String> properties) {
        String endpoint = properties.apply(ENDPOINT_PROPERTY);
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("hake.test.backend=endpoint needs the endpoint URL:"
                    + " -D" + ENDPOINT_PROPERTY + "=http://127.0.0.1:4566 (for example)");
        }
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENDPOINT_PROPERTY + " is not a URL: " + endpoint, e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException(ENDPOINT_PROPERTY + " must be an absolute http(s) URL, was " + endpoint);
        }
        return new ExternalEndpointBackend(new HakeTestBackend(NAME, uri,
                orDefault(properties.apply("hake.test.region"), "us-east-1"),
                orDefault(properties.apply("hake.test.accessKeyId"), HakeTestBackend.EMULATOR_ACCESS_KEY_ID),
                orDefault(properties.apply("hake.test.secretAccessKey"), HakeTestBackend.EMULATOR_SECRET_ACCESS_KEY)));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public HakeTestBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
