package dev.hake.jms.context;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateRuntimeException;

/**
 * The connection under one JMSContext and the contexts made from it by {@code createContext(int)}:
 * it is closed when the last of them closes.
 */
final class SharedConnection {

    private final Connection connection;
    private int users = 1;

    SharedConnection(Connection connection) {
        this.connection = connection;
    }

    Connection get() {
        return connection;
    }

    /** One more context uses the connection. */
    synchronized SharedConnection acquire() {
        if (users == 0) {
            throw new IllegalStateRuntimeException("the connection is closed");
        }
        users++;
        return this;
    }

    /** A context is done with the connection; the last one closes it. */
    void release() {
        boolean last;
        synchronized (this) {
            last = --users == 0;
        }
        if (last) {
            Unchecked.run(connection::close);
        }
    }
}
