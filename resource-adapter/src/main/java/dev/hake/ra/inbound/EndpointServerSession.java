package dev.hake.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.ServerSession;
import jakarta.jms.Session;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

/**
 * One of an activation's sessions, with its bean endpoint. Started by the connection consumer once
 * it has loaded messages into the session; runs them on the server's {@link WorkManager}, then
 * goes back to its pool.
 */
final class EndpointServerSession implements ServerSession, Work {

    private final Session session;
    private final EndpointListener listener;
    private final WorkManager workManager;
    private final EndpointSessionPool pool;

    EndpointServerSession(Session session, EndpointListener listener, WorkManager workManager,
                          EndpointSessionPool pool) {
        this.session = session;
        this.listener = listener;
        this.workManager = workManager;
        this.pool = pool;
    }

    @Override
    public Session getSession() {
        return session;
    }

    /** Hands the run to the server's threads; if it refuses, the session goes back to the pool with its messages. */
    @Override
    public void start() throws JMSException {
        try {
            workManager.scheduleWork(this);
        } catch (WorkException e) {
            pool.returned(this);
            JMSException jms = new JMSException("the application server's WorkManager refused a delivery: "
                    + e.getMessage());
            jms.initCause(e);
            throw jms;
        }
    }

    @Override
    public void run() {
        try {
            session.run();
        } finally {
            pool.returned(this);
        }
    }

    /** The server asks running work to end soon: a session ends after the message in hand anyway. */
    @Override
    public void release() {
    }

    /** Closes the session (what it still holds goes back to the queue) and releases the endpoint. */
    void close() {
        try {
            session.close();
        } catch (JMSException e) {
            // The connection closes next and takes the session with it.
        } finally {
            listener.release();
        }
    }
}
