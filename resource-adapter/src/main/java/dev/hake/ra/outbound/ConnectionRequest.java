package dev.hake.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;
import java.util.Objects;

/**
 * What an application asked for: {@code createConnection(user, password)} names an access key id
 * and secret key that replace the configured credentials; pooled connections are only shared
 * between equal requests. Never prints the password.
 */
final class ConnectionRequest implements ConnectionRequestInfo {

    static final ConnectionRequest DEFAULT = new ConnectionRequest(null, null);

    private final String user;
    private final String password;

    ConnectionRequest(String user, String password) {
        this.user = user;
        this.password = password;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionRequest other && Objects.equals(user, other.user)
                && Objects.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, password);
    }

    @Override
    public String toString() {
        return user == null ? "ConnectionRequest[configured credentials]" : "ConnectionRequest[user=" + user + "]";
    }
}
