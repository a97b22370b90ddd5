package dev.hake.bench.backend;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Starts the backend that {@code bench.backend} names. */
public final class Backends {

    private Backends() {
    }

    /**
     * @param name         embedded, moto or endpoint
     * @param endpoint     for {@code endpoint}: the URL (loopback only)
     * @param logDirectory where moto writes its output
     */
    public static Backend start(String name, String endpoint, Path logDirectory) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "embedded" -> new EmbeddedBackend();
            case "moto" -> MotoBackend.start(logDirectory);
            case "endpoint" -> {
                if (endpoint == null || endpoint.isBlank()) {
                    throw new IllegalArgumentException("bench.backend=endpoint needs -Dbench.endpoint=http://127.0.0.1:PORT");
                }
                yield new EndpointBackend(URI.create(endpoint.trim()));
            }
            default -> throw new IllegalArgumentException("unknown bench.backend '" + name
                    + "'; use embedded, moto or endpoint");
        };
    }
}
