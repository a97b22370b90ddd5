package dev.hake.bench.backend;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** An endpoint someone else runs. Only loopback addresses are accepted: this is a load generator. */
final class EndpointBackend implements Backend {

    private final URI endpoint;

    EndpointBackend(URI endpoint) {
        this.endpoint = requireLoopback(endpoint);
    }

    static URI requireLoopback(URI endpoint) {
        try {
            if (endpoint.getHost() == null || !InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("bench.endpoint must be a loopback address (127.0.0.1, localhost, [::1]),"
                        + " was " + endpoint);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bench.endpoint has an unknown host: " + endpoint, e);
        }
        return endpoint;
    }

    @Override
    public String name() {
        return "endpoint";
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
