package dev.hake.jms;

import dev.hake.core.WireMessage;
import dev.hake.core.receive.QueueScan;
import dev.hake.jms.message.HakeMessage;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Looks at the messages on a queue without consuming them. Each enumeration is one
 * {@link QueueScan}: see there for what a browse costs and does to receive counts.
 */
final class HakeQueueBrowser implements QueueBrowser {

    private final HakeSession session;
    private final HakeQueue queue;
    private final String queueUrl;
    private final String selector;
    private final Predicate<WireMessage> filter;
    private final List<QueueScan> scans = new ArrayList<>();
    private volatile boolean closed;

    HakeQueueBrowser(HakeSession session, HakeQueue queue, String queueUrl, String selector,
                     Predicate<WireMessage> filter) {
        this.session = session;
        this.queue = queue;
        this.queueUrl = queueUrl;
        this.selector = selector;
        this.filter = filter;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return selector;
    }

    @Override
    public Enumeration<?> getEnumeration() throws JMSException {
        checkOpen();
        ConnectionServices services = session.services();
        QueueScan scan = services.core.browse(queueUrl, queue.toWire(), filter);
        synchronized (scans) {
            scans.add(scan);
        }
        return new Enumeration<Object>() {
            @Override
            public boolean hasMoreElements() {
                return !closed && scan.hasNext();
            }

            @Override
            public Object nextElement() {
                WireMessage next = closed ? null : scan.next();
                if (next == null) {
                    throw new NoSuchElementException("the browse has no more messages");
                }
                return HakeMessage.fromWire(next, services.trustedClasses);
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        synchronized (scans) {
            scans.forEach(QueueScan::close);
            scans.clear();
        }
        session.browserClosed(this);
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the browser is closed");
        }
        session.checkOpen();
    }
}
