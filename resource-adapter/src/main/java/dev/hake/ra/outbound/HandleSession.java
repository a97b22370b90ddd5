package dev.hake.ra.outbound;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session an application gets from a pooled connection: every call goes to a hake session,
 * except what the handle owns. Closing it closes the producers, consumers and browsers it made; a
 * session of the container's transaction is shared by the managed connection and stays open, one
 * of its own is closed. In a container transaction commit, rollback and recover are the
 * container's, and session-level listeners are for servers only.
 */
final class HandleSession implements InvocationHandler {

    private final Session target;
    private final boolean inContainerTransaction;
    private final List<AutoCloseable> made = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private HandleSession(Session target, boolean inContainerTransaction) {
        this.target = target;
        this.inContainerTransaction = inContainerTransaction;
    }

    /** A handle on {@code target}; the container's transaction's session when {@code inContainerTransaction}. */
    static Session over(Session target, boolean inContainerTransaction) {
        return (Session) Proxy.newProxyInstance(HandleSession.class.getClassLoader(),
                new Class<?>[] {Session.class, QueueSession.class, TopicSession.class},
                new HandleSession(target, inContainerTransaction));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "close" -> {
                close();
                return null;
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "hake pooled session" + (inContainerTransaction ? " (in a container transaction)" : "");
            }
            default -> {
            }
        }
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
        if (inContainerTransaction && (name.equals("commit") || name.equals("rollback") || name.equals("recover"))) {
            throw new TransactionInProgressException(name + " is the container's: this session takes part in its"
                    + " transaction, which commits or rolls back with the bean's method");
        }
        if (name.equals("setMessageListener") || name.equals("getMessageListener") || name.equals("run")) {
            throw new IllegalStateException(name + " is for application servers and not allowed on a pooled session");
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof AutoCloseable closeable && name.startsWith("create")) {
            made.add(closeable); // producers, consumers, browsers: closed with this handle
        }
        return result;
    }

    private void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        JMSException first = null;
        for (AutoCloseable c : made) {
            try {
                c.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            } catch (Exception e) {
                first = first == null ? new JMSException(e.getMessage()) : first;
            }
        }
        made.clear();
        if (!inContainerTransaction) {
            target.close();
        }
        if (first != null) {
            throw first;
        }
    }
}
