package dev.hake.jms;

import static dev.hake.jms.message.JmsExceptions.withCause;

import dev.hake.core.WireDestination;
import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReceivedMessage;
import dev.hake.jms.message.HakeBytesMessage;
import dev.hake.jms.message.HakeMapMessage;
import dev.hake.jms.message.HakeMessage;
import dev.hake.jms.message.HakeObjectMessage;
import dev.hake.jms.message.HakeStreamMessage;
import dev.hake.jms.message.HakeTextMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JMS session: single-threaded delivery, acknowledgement and recovery for its consumers.
 * Listener deliveries run on a {@link SerialExecutor}, so one listener of a session runs at a time
 * without the session owning a thread.
 */
final class HakeSession implements QueueSession, TopicSession {

    private final HakeConnection connection;
    private final ConnectionServices services;
    private final int ackMode;
    /** Present in a transacted session: its held sends. */
    private final LocalTransaction transaction;
    private final SerialExecutor delivery;
    private final ConsumerOpener opener;
    private final List<HakeMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<HakeMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<HakeQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    /** Delivered and not yet acknowledged, in delivery order (CLIENT_ACKNOWLEDGE, or a listener's current message). */
    private final List<Delivered> unacknowledged = new ArrayList<>();
    /** Held while a listener runs, so that stop() and close() can wait for it. */
    private final ReentrantLock listenerRunning = new ReentrantLock();
    private volatile Thread deliveryThread;
    private volatile boolean closed;
    private boolean recoveredDuringListener;
    private final SessionDomain domain;
    private final AsyncSends asyncSends;
    /** Message ids are this prefix and a sequence number, so the ids of one session sort in send order. */
    private final String messageIdPrefix = "ID:" + UUID.randomUUID() + "-";
    private final AtomicLong messageSequence = new AtomicLong();

    record Delivered(HakeMessageConsumer consumer, ReceivedMessage received) {
    }

    HakeSession(HakeConnection connection, int ackMode, SessionDomain domain) {
        this.connection = connection;
        this.domain = domain;
        this.services = connection.services();
        this.ackMode = ackMode;
        this.transaction = ackMode == SESSION_TRANSACTED ? new LocalTransaction() : null;
        this.delivery = new SerialExecutor(services.deliveries);
        this.asyncSends = new AsyncSends(delivery);
        this.opener = new ConsumerOpener(connection);
    }

    ConnectionServices services() {
        return services;
    }

    HakeConnection connection() {
        return connection;
    }

    SerialExecutor deliveryExecutor() {
        return delivery;
    }

    AsyncSends asyncSends() {
        return asyncSends;
    }

    /**
     * A new JMS message id: unique, and in send order among this session's ids when compared as
     * strings (a fixed-width hex sequence), which lets a receiver restore the order of messages SQS
     * accepted in the same millisecond.
     */
    String nextMessageId() {
        String hex = Long.toHexString(messageSequence.incrementAndGet());
        return messageIdPrefix + "000000000000".substring(Math.min(12, hex.length())) + hex;
    }

    /** True inside this session's MessageListener or CompletionListener. */
    boolean isDeliveryThread() {
        return deliveryThread == Thread.currentThread() || delivery.inTask();
    }

    /** True inside this session's MessageListener (not a CompletionListener). */
    boolean isMessageListenerThread() {
        return deliveryThread == Thread.currentThread();
    }

    /** True inside a CompletionListener of this session's sends. */
    boolean isCompletionListenerThread() {
        return delivery.inTask() && deliveryThread != Thread.currentThread();
    }

    // ---- messages

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new HakeBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new HakeMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new HakeMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new HakeObjectMessage(services.trustedClasses);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkOpen();
        HakeObjectMessage m = new HakeObjectMessage(services.trustedClasses);
        m.setObject(object);
        return m;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new HakeStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new HakeTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        HakeTextMessage m = new HakeTextMessage();
        m.setText(text);
        return m;
    }

    // ---- transactions and acknowledgement

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return transaction != null;
    }

    /** The transaction a producer of this session adds its sends to; null when not transacted. */
    LocalTransaction transaction() {
        return transaction;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return ackMode;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (transaction == null) {
            throw new IllegalStateException("commit() needs a transacted session");
        }
        if (isCompletionListenerThread()) {
            throw new IllegalStateException("a CompletionListener must not commit its own session");
        }
        List<String> sent;
        try {
            sent = transaction.commit(services.core.sender(), delivery);
        } catch (JMSException sendFailed) {
            rollbackConsumed();
            asyncSends.awaitHandedOver();
            throw sendFailed;
        }
        // JMS: commit and rollback return once the callbacks of the sends they settled have returned.
        asyncSends.awaitHandedOver();
        List<ReceivedMessage> consumed = takeUnacknowledged().stream().map(Delivered::received).toList();
        try {
            services.core.acknowledger().deleteAll(consumed).join();
        } catch (RuntimeException e) {
            JMSException failure = JmsErrors.toJms(e);
            String what = "commit sent its " + sent.size() + " messages, but ";
            if (failure instanceof HakeInDoubtException) {
                throw withCause(new HakeInDoubtException(what + "the acknowledgement of what it consumed is in doubt: "
                        + failure.getMessage(), sent, List.of(), List.of()), failure);
            }
            if (sent.isEmpty()) {
                // Nothing was sent and nothing consumed was acknowledged: the transaction rolled back.
                throw withCause(new HakeRolledBackException("commit rolled back: what it consumed could not be"
                        + " acknowledged and is delivered again: " + failure.getMessage(), List.of()), failure.getCause());
            }
            throw withCause(new HakePartialCommitException(what + "could not acknowledge what it consumed: "
                    + failure.getMessage(), sent, List.of()), failure.getCause());
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (transaction == null) {
            throw new IllegalStateException("rollback() needs a transacted session");
        }
        if (isCompletionListenerThread()) {
            throw new IllegalStateException("a CompletionListener must not roll back its own session");
        }
        transaction.rollback(delivery);
        rollbackConsumed();
        asyncSends.awaitHandedOver();
    }

    private void rollbackConsumed() {
        if (isDeliveryThread()) {
            recoveredDuringListener = true;
        }
        redeliver(takeUnacknowledged());
    }

    private List<Delivered> takeUnacknowledged() {
        synchronized (unacknowledged) {
            List<Delivered> all = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
            return all;
        }
    }

    /** True when consumed messages wait for acknowledge() or commit() rather than being acknowledged at once. */
    private boolean holdsConsumed() {
        return ackMode == CLIENT_ACKNOWLEDGE || transaction != null;
    }

    /** Turns a received message into the JMS message handed to the application, and acknowledges per mode. */
    HakeMessage deliverSync(HakeMessageConsumer consumer, ReceivedMessage received) {
        HakeMessage message = toJms(received);
        if (holdsConsumed()) {
            synchronized (unacknowledged) {
                unacknowledged.add(new Delivered(consumer, received));
            }
        } else {
            services.core.acknowledger().delete(received);
        }
        return message;
    }

    private HakeMessage toJms(ReceivedMessage received) {
        HakeMessage message = HakeMessage.fromWire(received.message(), services.trustedClasses);
        message.setAcknowledger(this::acknowledgeFromMessage);
        return message;
    }

    /** Message.acknowledge(): in CLIENT_ACKNOWLEDGE, everything the session has consumed. */
    private void acknowledgeFromMessage() throws JMSException {
        if (closed) {
            throw new IllegalStateException("cannot acknowledge: the session is closed");
        }
        if (ackMode != CLIENT_ACKNOWLEDGE) {
            return;
        }
        List<ReceivedMessage> toDelete;
        synchronized (unacknowledged) {
            toDelete = unacknowledged.stream().map(Delivered::received).toList();
            unacknowledged.clear();
        }
        try {
            services.core.acknowledger().deleteAll(toDelete).join();
        } catch (RuntimeException e) {
            JMSException failure = JmsErrors.toJms(e);
            throw withCause(failure instanceof HakeInDoubtException
                    ? new HakeInDoubtException("acknowledge is in doubt: " + failure.getMessage())
                    : new JMSException("acknowledge failed: " + failure.getMessage()), failure.getCause());
        }
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (transaction != null) {
            throw new IllegalStateException("recover() is for non-transacted sessions; use rollback()");
        }
        rollbackConsumed();
    }

    /** Puts messages back at the head of their consumers' buffers, marked redelivered; released if the consumer is gone. */
    private void redeliver(List<Delivered> messages) {
        Map<HakeMessageConsumer, List<ReceivedMessage>> byConsumer = new LinkedHashMap<>();
        for (Delivered d : messages) {
            var wire = d.received().message().copy();
            wire.deliveryCount(wire.deliveryCount() + 1);
            ReceivedMessage again = new ReceivedMessage(wire, d.received().queueUrl(), d.received().receiptHandle(),
                    d.received().sqsMessageId(), d.received().visibleAgainAtNanos());
            byConsumer.computeIfAbsent(d.consumer(), c -> new ArrayList<>()).add(again);
        }
        byConsumer.forEach((consumer, list) -> consumer.receiver().pushBack(list));
    }

    // ---- listener delivery

    /** Called (on an I/O thread) when a listening consumer has messages: schedules a delivery run. */
    void messagesAvailable() {
        if (!closed) {
            delivery.execute(this::deliverToListeners);
        }
    }

    private void deliverToListeners() {
        boolean deliveredAny = true;
        while (deliveredAny && !closed && connection.isStarted()) {
            deliveredAny = false;
            for (HakeMessageConsumer consumer : consumers) {
                MessageListener listener = consumer.listener();
                if (listener == null) {
                    continue;
                }
                ReceivedMessage received = consumer.receiver().poll();
                if (received != null) {
                    deliveredAny = true;
                    runListener(consumer, listener, received);
                }
            }
        }
    }

    private void runListener(HakeMessageConsumer consumer, MessageListener listener, ReceivedMessage received) {
        listenerRunning.lock();
        deliveryThread = Thread.currentThread();
        try {
            if (closed || consumer.isClosed()) {
                services.core.acknowledger().release(received, false);
                return;
            }
            HakeMessage message = toJms(received);
            Delivered delivered = new Delivered(consumer, received);
            synchronized (unacknowledged) {
                unacknowledged.add(delivered);
            }
            recoveredDuringListener = false;
            boolean threw = false;
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                // JMS: a listener that throws in AUTO/DUPS mode gets the message again.
                threw = true;
                consumer.logListenerFailure(e);
            }
            if (!holdsConsumed() && !recoveredDuringListener) {
                synchronized (unacknowledged) {
                    unacknowledged.remove(delivered);
                }
                if (threw) {
                    redeliver(List.of(delivered));
                } else {
                    services.core.acknowledger().delete(received);
                }
            }
        } finally {
            deliveryThread = null;
            listenerRunning.unlock();
        }
    }

    /** Waits for a listener in progress (unless called from it). */
    private void awaitListener() {
        if (!isDeliveryThread()) {
            listenerRunning.lock();
            listenerRunning.unlock();
        }
    }

    void connectionStarted() {
        for (HakeMessageConsumer c : consumers) {
            c.receiver().start();
        }
        messagesAvailable();
    }

    void connectionStopped() {
        for (HakeMessageConsumer c : consumers) {
            c.receiver().stop();
        }
        awaitListener();
    }

    // ---- producers and consumers

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        HakeDestination d = destination == null ? null : HakeMessageProducer.toHake(destination);
        HakeMessageProducer p = new HakeMessageProducer(this, d);
        producers.add(p);
        return p;
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return (TopicPublisher) createProducer(topic);
    }

    void producerClosed(HakeMessageProducer p) {
        producers.remove(p);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        HakeDestination d = requireDestination(destination);
        return open(d, () -> d.toWire().isTopic() ? opener.nonDurable(d, messageSelector, noLocal)
                : opener.queue(d, messageSelector));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return (QueueReceiver) createConsumer(queue);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return (QueueReceiver) createConsumer(queue, messageSelector);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return (TopicSubscriber) createConsumer(topic);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return (TopicSubscriber) createConsumer(topic, messageSelector, noLocal);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        return createDurableConsumer(topic, name, messageSelector, noLocal);
    }

    @Override
    public TopicSubscriber createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        domain.checkTopicMethod("createDurableSubscriber");
        HakeDestination d = requireTopic(topic, name, "a durable subscription");
        return open(d, () -> opener.durable(d, name, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        checkOpen();
        domain.checkTopicMethod("createSharedConsumer");
        HakeDestination d = requireTopic(topic, sharedSubscriptionName, "a shared subscription");
        return open(d, () -> opener.shared(d, sharedSubscriptionName, messageSelector));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        checkOpen();
        domain.checkTopicMethod("createSharedDurableConsumer");
        HakeDestination d = requireTopic(topic, name, "a shared durable subscription");
        return open(d, () -> opener.sharedDurable(d, name, messageSelector));
    }

    private static HakeDestination requireTopic(Topic topic, String name, String what) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new JMSException(what + " needs a non-empty name");
        }
        HakeDestination d = requireDestination(topic);
        if (!d.toWire().isTopic()) {
            throw new InvalidDestinationException(what + " needs a topic, was " + d);
        }
        return d;
    }

    @FunctionalInterface
    private interface SourceLookup {
        ConsumerSource find() throws JMSException;
    }

    private HakeMessageConsumer open(HakeDestination destination, SourceLookup lookup) throws JMSException {
        ConsumerSource source;
        try {
            source = lookup.find();
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
        ReceiveBuffer receiver = services.core.newReceiver(source.queueUrl(), destination.toWire());
        receiver.filter(source.filter());
        HakeMessageConsumer consumer = new HakeMessageConsumer(this, destination, receiver, source);
        consumers.add(consumer);
        connection.temporaries().consumerOpened(destination);
        if (connection.isStarted()) {
            receiver.start();
        }
        return consumer;
    }

    void consumerClosed(HakeMessageConsumer consumer) {
        consumers.remove(consumer);
        connection.temporaries().consumerClosed(consumer.destination());
        consumer.source().onClose().run();
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        domain.checkTopicMethod("unsubscribe");
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("unsubscribe needs a subscription name");
        }
        try {
            opener.unsubscribe(name);
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    // ---- destinations

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkOpen();
        domain.checkQueueMethod("createQueue");
        return new HakeQueue(requireName(queueName, "queue"));
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkOpen();
        domain.checkTopicMethod("createTopic");
        return new HakeTopic(requireName(topicName, "topic"));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        domain.checkQueueMethod("createBrowser");
        dev.hake.core.selector.Selector selector = ConsumerFilter.parse(messageSelector);
        HakeDestination d = requireDestination(queue);
        if (!(d instanceof HakeQueue q)) {
            throw new InvalidDestinationException("a browser needs a queue, was " + d);
        }
        if (d.toWire().kind().isTemporary()) {
            connection.temporaries().checkConsumable(d);
        }
        try {
            String url = services.core.topology().queueUrl(services.core.names().queue(d.name()), !d.toWire().kind().isTemporary()
                    && services.settings.createDestinations(), java.util.Map.of());
            java.util.function.Predicate<dev.hake.core.WireMessage> filter = selector == null ? m -> true
                    : m -> selector.matches(ConsumerFilter.identifiers(m));
            HakeQueueBrowser browser = new HakeQueueBrowser(this, q, url, messageSelector, filter);
            browsers.add(browser);
            return browser;
        } catch (RuntimeException e) {
            throw JmsErrors.toJms(e);
        }
    }

    void browserClosed(HakeQueueBrowser browser) {
        browsers.remove(browser);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        domain.checkQueueMethod("createTemporaryQueue");
        return connection.temporaries().createQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        domain.checkTopicMethod("createTemporaryTopic");
        return connection.temporaries().createTopic();
    }

    // ---- session-level listener and close

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        throw new JMSException("session-level message listeners are for application servers; "
                + "set a listener on a MessageConsumer instead");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("Session.run is for application servers and is not supported");
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (isDeliveryThread()) {
            throw new IllegalStateException("a MessageListener must not close its own session");
        }
        // JMS: close waits for the session's asynchronous sends and their callbacks.
        asyncSends.awaitCallbacks(null);
        closed = true;
        for (HakeMessageConsumer c : consumers) {
            c.receiver().close();
        }
        awaitListener();
        if (transaction != null) {
            transaction.rollback(delivery);
        }
        // Unacknowledged messages of a closed session are recovered: visible again at once.
        // Waits (bounded) so that whoever polls next finds them.
        try {
            services.core.acknowledger().releaseAll(takeUnacknowledged().stream().map(Delivered::received).toList(), true)
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // A message not released in time comes back when its visibility timeout ends.
        }
        JMSException first = null;
        for (HakeMessageConsumer c : consumers) {
            try {
                c.close();
            } catch (JMSException e) {
                first = first == null ? e : first;
            }
        }
        for (HakeMessageProducer p : producers) {
            p.close();
        }
        for (HakeQueueBrowser b : browsers) {
            b.close();
        }
        connection.sessionClosed(this);
        if (first != null) {
            throw first;
        }
    }

    boolean isClosed() {
        return closed;
    }

    void checkOpen() throws IllegalStateException {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
        connection.checkOpen();
    }

    static HakeDestination requireDestination(Destination destination) throws InvalidDestinationException {
        if (destination == null) {
            throw new InvalidDestinationException("the destination must not be null");
        }
        return HakeMessageProducer.toHake(destination);
    }

    private static String requireName(String name, String kind) throws JMSException {
        if (name == null || name.isBlank()) {
            throw new InvalidDestinationException("a " + kind + " name must not be null or empty");
        }
        return name;
    }
}
