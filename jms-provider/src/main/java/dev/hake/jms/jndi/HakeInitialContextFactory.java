package dev.hake.jms.jndi;

import dev.hake.jms.HakeConnectionFactory;
import dev.hake.jms.HakeQueue;
import dev.hake.jms.HakeTopic;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * JNDI for hake, for Jakarta EE and other JNDI users:
 *
 * <pre>
 * java.naming.factory.initial = dev.hake.jms.jndi.HakeInitialContextFactory
 * java.naming.provider.url    = hake:?region=eu-west-1&amp;prefix=prod-
 * connectionFactory.Billing   = hake:?region=eu-west-1&amp;clientId=billing
 * queue.Orders                = orders
 * topic.Events                = events
 * </pre>
 *
 * <p>{@code ConnectionFactory}, {@code QueueConnectionFactory} and {@code TopicConnectionFactory}
 * are bound by default to a factory for the provider URL ({@code hake:} when it is absent);
 * {@code connectionFactory.NAME}, {@code queue.NAME} and {@code topic.NAME} bind more. The
 * context is read-only.
 */
public final class HakeInitialContextFactory implements InitialContextFactory {

    static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";
    static final String QUEUE_PREFIX = "queue.";
    static final String TOPIC_PREFIX = "topic.";
    private static final String DEFAULT_URI = "hake:";

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Map<String, Object> bindings = new HashMap<>();
        Object url = environment.get(Context.PROVIDER_URL);
        HakeConnectionFactory main = factory("the provider URL", url == null ? DEFAULT_URI : url.toString());
        bindings.put("ConnectionFactory", main);
        bindings.put("QueueConnectionFactory", main);
        bindings.put("TopicConnectionFactory", main);
        for (Map.Entry<?, ?> e : environment.entrySet()) {
            String key = String.valueOf(e.getKey());
            String value = String.valueOf(e.getValue());
            if (key.startsWith(CONNECTION_FACTORY_PREFIX)) {
                bindings.put(name(key, CONNECTION_FACTORY_PREFIX), factory(key, value));
            } else if (key.startsWith(QUEUE_PREFIX)) {
                bindings.put(name(key, QUEUE_PREFIX), new HakeQueue(value));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                bindings.put(name(key, TOPIC_PREFIX), new HakeTopic(value));
            }
        }
        return new ReadOnlyContext(bindings, environment);
    }

    private static String name(String key, String prefix) throws ConfigurationException {
        String name = key.substring(prefix.length());
        if (name.isEmpty()) {
            throw new ConfigurationException("JNDI property '" + key + "' names nothing after '" + prefix + "'");
        }
        return name;
    }

    private static HakeConnectionFactory factory(String what, String uri) throws ConfigurationException {
        try {
            return new HakeConnectionFactory(uri);
        } catch (IllegalArgumentException e) {
            ConfigurationException ce = new ConfigurationException("invalid hake URI in " + what + ": " + e.getMessage());
            ce.setRootCause(e);
            throw ce;
        }
    }
}
