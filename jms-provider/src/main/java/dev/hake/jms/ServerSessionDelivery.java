package dev.hake.jms;

import dev.hake.core.receive.Acknowledger;
import dev.hake.core.receive.ReceivedMessage;
import dev.hake.core.receive.VisibilityKeeper;
import jakarta.jms.MessageListener;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's part in JMS's application-server facility: a connection consumer loads messages into
 * the session of a {@link jakarta.jms.ServerSession}, and the server's thread calls
 * {@code Session.run()}, which gives them to the session's own MessageListener through the
 * session's {@link ListenerDelivery}, so they are settled exactly as a consumer's listener's are.
 * Loaded messages stay hidden (the connection's {@link VisibilityKeeper}) until they are delivered.
 */
final class ServerSessionDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSessionDelivery.class);

    private record Loaded(HakeConnectionConsumer from, ReceivedMessage message) {
    }

    private final ListenerDelivery listeners;
    private final Acknowledger acknowledger;
    private final VisibilityKeeper visibility;
    private final BooleanSupplier sessionClosed;
    private final Queue<Loaded> loaded = new ConcurrentLinkedQueue<>();
    private volatile MessageListener listener;

    ServerSessionDelivery(ListenerDelivery listeners, Acknowledger acknowledger, VisibilityKeeper visibility,
                          BooleanSupplier sessionClosed) {
        this.listeners = listeners;
        this.acknowledger = acknowledger;
        this.visibility = visibility;
        this.sessionClosed = sessionClosed;
    }

    MessageListener listener() {
        return listener;
    }

    void listener(MessageListener listener) {
        this.listener = listener;
    }

    /** A message the connection consumer took, and keeps hidden (it holds it in the visibility keeper since it took it). */
    void load(HakeConnectionConsumer from, ReceivedMessage message) {
        loaded.add(new Loaded(from, message));
        if (sessionClosed.getAsBoolean()) {
            releaseLoaded();
        }
    }

    /** Delivers what is loaded now; each message is taken once, so this ends. */
    void run() {
        Loaded next;
        while ((next = loaded.poll()) != null) {
            MessageListener current = listener;
            if (current == null || sessionClosed.getAsBoolean()) {
                if (current == null) {
                    LOG.warn("Session.run() found no MessageListener on the session; the message goes back "
                            + "to its queue [destination={}]", next.from().destination());
                }
                giveBack(next.message());
                continue;
            }
            HakeConnectionConsumer from = next.from();
            listeners.deliver(current, new Delivered(from.receiver(), next.message()), from::isClosed,
                    from::logListenerFailure);
        }
    }

    /** The session closes: what was loaded and not run goes back to its queue at once. */
    void releaseLoaded() {
        Loaded next;
        while ((next = loaded.poll()) != null) {
            giveBack(next.message());
        }
    }

    private void giveBack(ReceivedMessage message) {
        visibility.drop(message);
        acknowledger.release(message, false);
    }
}
