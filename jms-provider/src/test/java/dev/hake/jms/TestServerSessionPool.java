package dev.hake.jms;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server session pool as an application server keeps one: a fixed number of sessions, each with
 * the same MessageListener; starting a server session runs its session on a worker thread, after
 * which it is free again. {@link #getServerSession()} waits while all are busy.
 */
final class TestServerSessionPool implements ServerSessionPool, AutoCloseable {

    private final BlockingQueue<ServerSession> free = new LinkedBlockingQueue<>();
    private final ExecutorService workers;

    TestServerSessionPool(Connection connection, int size, int acknowledgeMode, MessageListener listener)
            throws JMSException {
        workers = Executors.newFixedThreadPool(size);
        for (int i = 0; i < size; i++) {
            Session session = connection.createSession(false, acknowledgeMode);
            session.setMessageListener(listener);
            free.add(new Pooled(session));
        }
    }

    @Override
    public ServerSession getServerSession() throws JMSException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JMSException jms = new JMSException("interrupted while waiting for a free server session");
            jms.initCause(e);
            throw jms;
        }
    }

    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private final class Pooled implements ServerSession {
        private final Session session;

        Pooled(Session session) {
            this.session = session;
        }

        @Override
        public Session getSession() {
            return session;
        }

        @Override
        public void start() {
            workers.execute(() -> {
                try {
                    session.run();
                } finally {
                    free.add(this);
                }
            });
        }
    }
}
