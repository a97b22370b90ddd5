package dev.hake.jms.context;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

/**
 * A connection factory's JMSContexts, each over a connection of its own from
 * {@code createConnection}: what hake's factory and the resource adapter's pooled one share.
 */
public interface ContextsOverConnections extends ConnectionFactory {

    @Override
    default JMSContext createContext() {
        return HakeJMSContext.open(this::createConnection, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    default JMSContext createContext(String userName, String password) {
        return HakeJMSContext.open(() -> createConnection(userName, password), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    default JMSContext createContext(String userName, String password, int sessionMode) {
        return HakeJMSContext.open(() -> createConnection(userName, password), sessionMode);
    }

    @Override
    default JMSContext createContext(int sessionMode) {
        return HakeJMSContext.open(this::createConnection, sessionMode);
    }
}
