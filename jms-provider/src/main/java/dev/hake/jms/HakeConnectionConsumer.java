package dev.hake.jms;

import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReceivedMessage;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection consumer (JMS's facility for application servers): reads one queue or subscription
 * as a listening consumer does, with the same batched polls, and hands what arrives, up to
 * {@code maxMessages} at a time, to a {@link ServerSession} from the server's pool: it loads the
 * messages into the server session's hake session and starts it; the server then calls
 * {@code Session.run()}, which delivers them to that session's MessageListener.
 *
 * <p>Its one thread waits for messages and, when the pool has no free session, for the pool: that
 * is how the pool's size bounds the concurrency. Messages waiting for a session stay hidden.
 */
final class HakeConnectionConsumer implements ConnectionConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HakeConnectionConsumer.class);
    /** After the pool failed, how long to wait before asking it again (messages are back on the queue meanwhile). */
    private static final long POOL_RETRY_MILLIS = 1_000;
    /** How long close() waits for the dispatching thread to end. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final HakeConnection connection;
    private final HakeDestination destination;
    private final ConsumerSource source;
    private final ReceiveBuffer receiver;
    private final ServerSessionPool pool;
    private final int maxMessages;
    private final ConnectionConsumers owner;
    private final Object arrivals = new Object();
    private boolean available; // guarded by arrivals
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;
    private final Thread dispatcher;

    HakeConnectionConsumer(HakeConnection connection, ConnectionConsumers owner, HakeDestination destination,
                           ConsumerSource source, ReceiveBuffer receiver, ServerSessionPool pool, int maxMessages) {
        this.connection = connection;
        this.owner = owner;
        this.destination = destination;
        this.source = source;
        this.receiver = receiver;
        this.pool = pool;
        this.maxMessages = maxMessages;
        receiver.onListenerFailure(failure -> connection.reportProblem(JmsErrors.toJms(failure), failure));
        receiver.listen(this::messagesAvailable);
        this.dispatcher = new Thread(this::dispatchUntilClosed, "hake-connection-consumer-" + destination.name());
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    HakeDestination destination() {
        return destination;
    }

    ConsumerSource source() {
        return source;
    }

    ReceiveBuffer receiver() {
        return receiver;
    }

    boolean isClosed() {
        return closed;
    }

    void start() {
        receiver.start();
        messagesAvailable();
    }

    void stop() {
        receiver.stop();
    }

    void logListenerFailure(RuntimeException e) {
        LOG.warn("MessageListener threw; the message will be delivered again [destination={}]", destination, e);
    }

    @Override
    public ServerSessionPool getServerSessionPool() throws JMSException {
        if (closed) {
            throw new IllegalStateException("the connection consumer is closed");
        }
        return pool;
    }

    /** Stops reading; buffered messages go back to the queue at once, and loaded ones when their session runs. */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        closing.countDown();
        messagesAvailable();
        receiver.close();
        if (Thread.currentThread() != dispatcher) {
            dispatcher.interrupt(); // it may wait in the server's pool
            try {
                dispatcher.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            owner.closed(this);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    /** Called (on a core thread) when the buffer has messages. */
    private void messagesAvailable() {
        synchronized (arrivals) {
            available = true;
            arrivals.notifyAll();
        }
    }

    private void dispatchUntilClosed() {
        try {
            while (!closed) {
                awaitArrivals();
                dispatchBuffered();
            }
        } catch (InterruptedException e) {
            // close() interrupts a wait in the pool; nothing was taken that is not given back
        }
    }

    private void awaitArrivals() throws InterruptedException {
        synchronized (arrivals) {
            while (!available && !closed) {
                arrivals.wait();
            }
            available = false;
        }
    }

    /** Hands over what is buffered, a server session's worth at a time, until the buffer is empty. */
    private void dispatchBuffered() throws InterruptedException {
        while (!closed) {
            List<ReceivedMessage> batch = new ArrayList<>(maxMessages);
            for (ReceivedMessage next; batch.size() < maxMessages && (next = receiver.poll()) != null; ) {
                connection.services().listenerVisibility.hold(next);
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            if (!handOver(batch)) {
                closing.await(POOL_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Loads the batch into a server session and starts it; on failure gives back what was not loaded. */
    private boolean handOver(List<ReceivedMessage> batch) throws InterruptedException {
        int loaded = 0;
        try {
            ServerSession serverSession = pool.getServerSession();
            Session session = serverSession.getSession();
            if (!(session instanceof HakeSession hake)) {
                throw new IllegalStateException("the ServerSessionPool gave a session of another provider ("
                        + (session == null ? "null" : session.getClass().getName())
                        + "); a hake connection consumer needs sessions of a hake connection");
            }
            for (ReceivedMessage message : batch) {
                hake.load(this, message);
                loaded++;
            }
            serverSession.start();
            return true;
        } catch (JMSException | RuntimeException e) {
            // Cleared first: the SDK call that gives the messages back must not start on an interrupted thread.
            boolean interrupted = Thread.interrupted();
            // Loaded messages stay with their session: its next run() delivers them, its close() gives them back.
            giveBack(batch.subList(loaded, batch.size()));
            if (closed) {
                return true;
            }
            if (interrupted) {
                throw new InterruptedException();
            }
            connection.reportProblem(JmsErrors.toJms(e), e);
            LOG.warn("could not hand messages to a server session; they go back to the queue [destination={}]",
                    destination, e);
            return false;
        }
    }

    private void giveBack(List<ReceivedMessage> messages) {
        for (ReceivedMessage m : messages) {
            connection.services().listenerVisibility.drop(m);
        }
        connection.services().core.acknowledger().releaseAll(new ArrayList<>(messages), false);
    }
}
