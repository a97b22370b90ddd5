package dev.hake.bench.backend;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Starts the backend that {@code bench.backend} names. */
public final class Backends {

    /** hake's embedded endpoint in a JVM of its own: the recommended backend, and the default. */
    public static final String EMBEDDED_PROCESS = "embedded-process";

    private Backends() {
    }

    /**
     * @param name         embedded-process, embedded, moto or endpoint
     * @param endpoint     for {@code endpoint}: the URL (loopback only)
     * @param logDirectory where moto and the embedded server process write their output
     */
    public static Backend start(String name, String endpoint, Path logDirectory) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case EMBEDDED_PROCESS -> EmbeddedProcessBackend.start(logDirectory);
            case "embedded" -> new EmbeddedBackend();
            case "moto" -> MotoBackend.start(logDirectory);
            case "endpoint" -> {
                if (endpoint == null || endpoint.isBlank()) {
                    throw new IllegalArgumentException("bench.backend=endpoint needs -Dbench.endpoint=http://127.0.0.1:PORT");
                }
                yield new EndpointBackend(URI.create(endpoint.trim()));
            }
            default -> throw new IllegalArgumentException("unknown bench.backend '" + name
                    + "'; use embedded-process, embedded, moto or endpoint");
        };
    }
}
