package dev.hake.tck;

import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.jms.jndi.HakeInitialContextFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;

/**
 * The JNDI names the Jakarta Messaging TCK looks up in standalone mode, bound through hake's own
 * {@link HakeInitialContextFactory} onto the current test backend. Every destination gets a prefix
 * unique to this JVM, so runs against a long-lived endpoint do not see each other's messages.
 * {@code DURABLE_SUB_CONNECTION_FACTORY} presets the client ID {@code cts}, as the TCK requires.
 *
 * <p>The connection factories are wrapped by {@link TckConnectionFactory}, which maps the TCK's
 * user onto the backend's credentials.
 */
public final class TckInitialContextFactory implements InitialContextFactory {

    static final List<String> CONNECTION_FACTORIES =
            List.of("MyConnectionFactory", "MyQueueConnectionFactory", "MyTopicConnectionFactory");
    static final String DURABLE_CONNECTION_FACTORY = "DURABLE_SUB_CONNECTION_FACTORY";
    static final String DURABLE_CLIENT_ID = "cts";
    static final List<String> QUEUES = List.of("MY_QUEUE", "MY_QUEUE2", "testQ0", "testQ1", "testQ2", "testQueue2", "Q2");
    static final List<String> TOPICS = List.of("MY_TOPIC", "MY_TOPIC2", "testT0", "testT1", "testT2");

    /** Letters, digits and dashes only, as hake's prefix must be. */
    static final String PREFIX = "tck-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        HakeTestBackend backend = TckBackendExtension.current();
        String uri = backend.hakeUri("prefix=" + PREFIX);
        Hashtable<String, Object> hake = new Hashtable<>();
        hake.put(Context.PROVIDER_URL, uri);
        CONNECTION_FACTORIES.forEach(name -> hake.put("connectionFactory." + name, uri));
        hake.put("connectionFactory." + DURABLE_CONNECTION_FACTORY, uri + "&clientId=" + DURABLE_CLIENT_ID);
        QUEUES.forEach(name -> hake.put("queue." + name, name));
        TOPICS.forEach(name -> hake.put("topic." + name, name));
        return withTckUsers(new HakeInitialContextFactory().getInitialContext(hake));
    }

    /** The same context, but every connection factory it returns is a {@link TckConnectionFactory}. */
    private static Context withTckUsers(Context context) {
        return (Context) Proxy.newProxyInstance(TckInitialContextFactory.class.getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(context, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return method.getName().startsWith("lookup") ? TckConnectionFactory.wrap(result) : result;
                });
    }
}
