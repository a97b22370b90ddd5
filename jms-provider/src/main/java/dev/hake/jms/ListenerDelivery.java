package dev.hake.jms;

import dev.hake.core.observe.Observer;
import dev.hake.core.observe.ProcessObservation;
import dev.hake.core.receive.Acknowledger;
import dev.hake.core.receive.ReceivedMessage;
import dev.hake.core.receive.VisibilityKeeper;
import dev.hake.jms.message.HakeMessage;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Feeds the MessageListeners of one session's consumers, one message at a time (JMS: a session is
 * single-threaded). Runs on the session's {@link SerialExecutor}, so an idle session holds no thread.
 */
final class ListenerDelivery {

    private final SerialExecutor executor;
    private final List<HakeMessageConsumer> consumers;
    private final AcknowledgementMode acknowledgement;
    private final MessageFactory messages;
    /** Gives back a message that arrives for a consumer or session closed meanwhile. */
    private final Acknowledger acknowledger;
    /** Keeps a message hidden while its listener runs, however long that takes. */
    private final VisibilityKeeper visibility;
    private final BooleanSupplier sessionClosed;
    private final BooleanSupplier connectionStarted;
    /** Hears of each message a listener processes (a span around it, the busy-listener gauge). */
    private final Observer observer;
    /** Held while a listener runs, so that stop() and close() can wait for it. */
    private final ReentrantLock listenerRunning = new ReentrantLock();
    private volatile Thread listenerThread;

    ListenerDelivery(SerialExecutor executor, List<HakeMessageConsumer> consumers, AcknowledgementMode acknowledgement,
                     MessageFactory messages, Acknowledger acknowledger, VisibilityKeeper visibility,
                     BooleanSupplier sessionClosed, BooleanSupplier connectionStarted, Observer observer) {
        this.observer = observer;
        this.executor = executor;
        this.consumers = consumers;
        this.acknowledgement = acknowledgement;
        this.messages = messages;
        this.acknowledger = acknowledger;
        this.visibility = visibility;
        this.sessionClosed = sessionClosed;
        this.connectionStarted = connectionStarted;
    }

    /** True inside a MessageListener of this session. */
    boolean inMessageListener() {
        return listenerThread == Thread.currentThread();
    }

    /** True inside a MessageListener, or a CompletionListener (which runs on the same executor). */
    boolean onDeliveryThread() {
        return inMessageListener() || executor.inTask();
    }

    /** Called (on an I/O thread) when a listening consumer has messages: schedules a delivery run. */
    void messagesAvailable() {
        if (!sessionClosed.getAsBoolean()) {
            executor.execute(this::deliverToListeners);
        }
    }

    /** Waits for a listener in progress (unless called from it). */
    void awaitListener() {
        if (!onDeliveryThread()) {
            listenerRunning.lock();
            listenerRunning.unlock();
        }
    }

    private void deliverToListeners() {
        boolean deliveredAny = true;
        while (deliveredAny && !sessionClosed.getAsBoolean() && connectionStarted.getAsBoolean()) {
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
        deliver(listener, new Delivered(consumer.receiver(), received), consumer::isClosed, consumer::logListenerFailure);
    }

    /**
     * Gives one message to {@code listener} on the calling thread, settling it as the session's mode
     * says, and keeping it hidden while the listener runs. A message whose session or source closed
     * meanwhile goes back to its queue instead.
     */
    void deliver(MessageListener listener, Delivered delivered, BooleanSupplier sourceClosed,
                 Consumer<RuntimeException> onListenerThrew) {
        ReceivedMessage received = delivered.received();
        listenerRunning.lock();
        listenerThread = Thread.currentThread();
        try {
            if (sessionClosed.getAsBoolean() || sourceClosed.getAsBoolean()) {
                visibility.drop(received); // held since a connection consumer loaded it, if it was
                acknowledger.release(received, false);
                return;
            }
            HakeMessage message = messages.received(received);
            acknowledgement.listenerStarts(delivered);
            boolean threw = false;
            visibility.hold(received);
            ProcessObservation processing = observer.processing(received.message());
            RuntimeException thrown = null;
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                // JMS: a listener that throws in AUTO/DUPS mode gets the message again.
                threw = true;
                thrown = e;
                onListenerThrew.accept(e);
            } finally {
                processing.ended(thrown);
                visibility.drop(received);
            }
            acknowledgement.listenerReturned(delivered, threw);
        } finally {
            listenerThread = null;
            listenerRunning.unlock();
        }
    }
}
