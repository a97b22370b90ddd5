package dev.hake.jms;

import dev.hake.core.receive.ReceivedMessage;
import dev.hake.jms.message.HakeMessage;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JMS session: the JMS face over its parts, and the rules about who may call what. What it
 * consumes and, when transacted, what it sends is settled by its {@link AcknowledgementMode};
 * its listeners run on a {@link ListenerDelivery}, so one listener of a session runs at a time
 * without the session owning a thread.
 */
final class HakeSession extends SessionOverloads {

    private final HakeConnection connection;
    private final ConnectionServices services;
    private final SessionDomain domain;
    private final AcknowledgementMode acknowledgement;
    private final MessageFactory messages;
    private final SessionSends sends;
    private final SessionConsumers consumers;
    private final ListenerDelivery listeners;
    private final ServerSessionDelivery serverSession;
    private final List<HakeMessageProducer> producers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    HakeSession(HakeConnection connection, int ackMode, SessionDomain domain) {
        this.connection = connection;
        this.domain = domain;
        this.services = connection.services();
        SerialExecutor delivery = new SerialExecutor(services.deliveries);
        AsyncSends asyncSends = new AsyncSends(delivery);
        ConsumedMessages consumed = new ConsumedMessages(new CoreSettlement(services.core.acknowledger(), services.settings));
        this.acknowledgement = switch (ackMode) {
            case SESSION_TRANSACTED -> new SessionTransacted(consumed,
                    new HeldSends(HeldSends.Transport.of(services.core), delivery), asyncSends::awaitHandedOver);
            case CLIENT_ACKNOWLEDGE -> new ClientAcknowledge(consumed);
            case DUPS_OK_ACKNOWLEDGE -> new DupsOkAcknowledge(consumed);
            case AUTO_ACKNOWLEDGE -> new AutoAcknowledge(consumed);
            default -> throw new IllegalArgumentException("unknown acknowledge mode " + ackMode); // HakeConnection checks
        };
        this.messages = new MessageFactory(services.trustedClasses, this::acknowledgeFromMessage);
        this.sends = new SessionSends(services.core, acknowledgement, asyncSends, this, connection.id());
        this.consumers = new SessionConsumers(this, connection);
        this.listeners = new ListenerDelivery(delivery, consumers.open(), acknowledgement, messages,
                services.core.acknowledger(), services.listenerVisibility, this::isClosed, connection::isStarted,
                services.core.observer());
        this.serverSession = new ServerSessionDelivery(listeners, services.core.acknowledger(),
                services.listenerVisibility, this::isClosed);
    }

    ConnectionServices services() {
        return services;
    }

    HakeConnection connection() {
        return connection;
    }

    /** True inside this session's MessageListener or CompletionListener. */
    boolean isDeliveryThread() {
        return listeners.onDeliveryThread();
    }

    /** True inside this session's MessageListener (not a CompletionListener). */
    boolean isMessageListenerThread() {
        return listeners.inMessageListener();
    }

    /** True inside a CompletionListener of this session's sends. */
    boolean isCompletionListenerThread() {
        return listeners.onDeliveryThread() && !listeners.inMessageListener();
    }

    // ---- messages

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return messages.bytes();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return messages.map();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return messages.plain();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return messages.object();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkOpen();
        return messages.object(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return messages.stream();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return messages.text();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkOpen();
        return messages.text(text);
    }

    // ---- transactions and acknowledgement

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return acknowledgement.isTransacted();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return acknowledgement.sessionMode();
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (acknowledgement.isTransacted() && isCompletionListenerThread()) {
            throw new IllegalStateException("a CompletionListener must not commit its own session");
        }
        acknowledgement.commit();
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (acknowledgement.isTransacted() && isCompletionListenerThread()) {
            throw new IllegalStateException("a CompletionListener must not roll back its own session");
        }
        acknowledgement.rollback();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        acknowledgement.recover();
    }

    /** Message.acknowledge() of a message this session handed out. */
    private void acknowledgeFromMessage() throws JMSException {
        if (closed) {
            throw new IllegalStateException("cannot acknowledge: the session is closed");
        }
        acknowledgement.acknowledge();
    }

    /** Turns a message receive() got into the JMS message handed to the application, and acknowledges per mode. */
    HakeMessage deliverSync(HakeMessageConsumer consumer, ReceivedMessage received) {
        HakeMessage message = messages.received(received);
        acknowledgement.received(new Delivered(consumer.receiver(), received));
        services.core.observer().received(received.message());
        return message;
    }

    // ---- listener delivery

    /** Called (on an I/O thread) when a listening consumer has messages: schedules a delivery run. */
    void messagesAvailable() {
        listeners.messagesAvailable();
    }

    void connectionStarted() {
        consumers.startReceivers();
        listeners.messagesAvailable();
    }

    void connectionStopped() {
        consumers.stopReceivers();
        listeners.awaitListener();
    }

    // ---- producers, consumers and browsers

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        HakeDestination d = destination == null ? null : HakeMessageProducer.toHake(destination);
        HakeMessageProducer p = new HakeMessageProducer(this, sends, d);
        producers.add(p);
        return p;
    }

    void producerClosed(HakeMessageProducer p) {
        producers.remove(p);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        return consumers.plain(destination, messageSelector, noLocal);
    }

    @Override
    public TopicSubscriber createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal)
            throws JMSException {
        checkOpen();
        domain.checkTopicMethod("createDurableSubscriber");
        return consumers.durable(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector)
            throws JMSException {
        checkOpen();
        domain.checkTopicMethod("createSharedConsumer");
        return consumers.shared(topic, sharedSubscriptionName, messageSelector);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector)
            throws JMSException {
        checkOpen();
        domain.checkTopicMethod("createSharedDurableConsumer");
        return consumers.sharedDurable(topic, name, messageSelector);
    }

    void consumerClosed(HakeMessageConsumer consumer) {
        consumers.closed(consumer);
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        domain.checkTopicMethod("unsubscribe");
        consumers.unsubscribe(name);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkOpen();
        domain.checkQueueMethod("createBrowser");
        return consumers.browser(queue, messageSelector);
    }

    void browserClosed(HakeQueueBrowser browser) {
        consumers.browserClosed(browser);
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

    // ---- the session's own listener, for application servers (ServerSession)

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return serverSession.listener();
    }

    /**
     * Sets the listener that {@link #run()} gives the messages a connection consumer loaded into this
     * session (JMS's facility for application servers, through a {@link jakarta.jms.ServerSession}).
     */
    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        serverSession.listener(listener);
    }

    /** A connection consumer hands this session a message for its next {@link #run()}. */
    void load(HakeConnectionConsumer from, ReceivedMessage message) {
        serverSession.load(from, message);
    }

    /**
     * Gives the messages loaded into this session to its MessageListener, one after another, on the
     * calling thread (an application server's), acknowledged as the session's mode says. Without a
     * listener, or once the session is closed, they go back to their queue.
     */
    @Override
    public void run() {
        serverSession.run();
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
        sends.awaitCallbacks(null);
        closed = true;
        consumers.closeReceivers();
        listeners.awaitListener();
        // Held sends are dropped; unacknowledged messages are recovered, visible again at once.
        acknowledgement.close();
        serverSession.releaseLoaded();
        JMSException first = consumers.closeConsumers();
        for (HakeMessageProducer p : producers) {
            p.close();
        }
        consumers.closeBrowsers();
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

    private static String requireName(String name, String kind) throws JMSException {
        if (name == null || name.isBlank()) {
            throw new InvalidDestinationException("a " + kind + " name must not be null or empty");
        }
        return name;
    }
}
