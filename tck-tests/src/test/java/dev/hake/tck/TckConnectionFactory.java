package dev.hake.tck;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import java.util.Objects;

/**
 * A hake connection factory that knows the TCK's user (system properties {@code user} and
 * {@code password}, j2ee/j2ee): a connection for that user gets the backend's credentials, as the
 * TCK's GlassFish runner registers j2ee with its broker. Any other user name and password go to
 * hake unchanged, so how hake answers bad credentials is hake's own behaviour.
 */
final class TckConnectionFactory implements QueueConnectionFactory, TopicConnectionFactory {

    private final ConnectionFactory hake;
    private final String user = System.getProperty("user");
    private final String password = System.getProperty("password");

    private TckConnectionFactory(ConnectionFactory hake) {
        this.hake = hake;
    }

    static Object wrap(Object bound) {
        return bound instanceof ConnectionFactory factory ? new TckConnectionFactory(factory) : bound;
    }

    private boolean isTckUser(String userName, String pass) {
        return user != null && Objects.equals(user, userName) && Objects.equals(password, pass);
    }

    @Override
    public Connection createConnection() throws JMSException {
        return hake.createConnection();
    }

    @Override
    public Connection createConnection(String userName, String pass) throws JMSException {
        return isTckUser(userName, pass) ? hake.createConnection() : hake.createConnection(userName, pass);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return ((QueueConnectionFactory) hake).createQueueConnection();
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String pass) throws JMSException {
        QueueConnectionFactory factory = (QueueConnectionFactory) hake;
        return isTckUser(userName, pass) ? factory.createQueueConnection() : factory.createQueueConnection(userName, pass);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return ((TopicConnectionFactory) hake).createTopicConnection();
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String pass) throws JMSException {
        TopicConnectionFactory factory = (TopicConnectionFactory) hake;
        return isTckUser(userName, pass) ? factory.createTopicConnection() : factory.createTopicConnection(userName, pass);
    }

    @Override
    public JMSContext createContext() {
        return hake.createContext();
    }

    @Override
    public JMSContext createContext(String userName, String pass) {
        return isTckUser(userName, pass) ? hake.createContext() : hake.createContext(userName, pass);
    }

    @Override
    public JMSContext createContext(String userName, String pass, int sessionMode) {
        return isTckUser(userName, pass) ? hake.createContext(sessionMode) : hake.createContext(userName, pass, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return hake.createContext(sessionMode);
    }

    @Override
    public String toString() {
        return "TckConnectionFactory[" + hake + "]";
    }
}
