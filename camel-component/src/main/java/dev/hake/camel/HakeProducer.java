package dev.hake.camel;

import dev.hake.core.Outgoing;
import dev.hake.core.WireDestination;
import dev.hake.core.WireMessage;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends each exchange as a JMS-compatible message to the endpoint's queue or topic, without
 * blocking a thread while AWS answers. Sends that find earlier ones still out travel together in
 * batch requests (core's SendCoalescer, as JMS sends do); a lone send leaves at once. An exchange
 * fails with the reason when its message cannot be sent (too large, a missing destination, AWS
 * refusing); when it is sent, the exchange gets the HakeMessageId header.
 */
public class HakeProducer extends DefaultAsyncProducer {

    private final WireDestination destination;
    /** The message group on FIFO destinations when the exchange names none, as a JMS producer's is. */
    private final String producerId = UUID.randomUUID().toString();
    private HakeServices services;
    private Executor continuations;

    public HakeProducer(HakeEndpoint endpoint) {
        super(endpoint);
        this.destination = endpoint.destination();
    }

    @Override
    public HakeEndpoint getEndpoint() {
        return (HakeEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        services = getEndpoint().services();
        continuations = getEndpoint().getComponent().continuations();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        WireMessage wire;
        CompletableFuture<Void> sent;
        try {
            wire = OutgoingMessages.toWire(exchange, destination, getEndpoint().getHeaderFilterStrategy());
            // Encoded, size-checked and resolved here, on the route's thread: a message that can never
            // be sent fails its own exchange before it joins a batch, and the destination lookup
            // (blocking the first time, cached after) never runs on an AWS completion thread.
            sent = services.core.publish(new Outgoing(wire, producerId), null);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (sent.isDone()) {
            settle(exchange, wire, sent);
            callback.done(true);
            return true;
        }
        // Continue the route on Camel's pool, never on (and never blocking) the AWS I/O threads.
        sent.whenComplete((ok, failure) -> continuations.execute(() -> {
            settle(exchange, wire, sent);
            callback.done(false);
        }));
        return false;
    }

    private static void settle(Exchange exchange, WireMessage wire, CompletableFuture<Void> sent) {
        try {
            sent.get();
            exchange.getMessage().setHeader(HakeConstants.MESSAGE_ID, wire.messageId());
        } catch (ExecutionException e) {
            exchange.setException(unwrap(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(e);
        }
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
