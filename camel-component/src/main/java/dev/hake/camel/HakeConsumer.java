package dev.hake.camel;

import dev.hake.core.HakeSettings;
import dev.hake.core.receive.ReceiveBuffer;
import dev.hake.core.receive.ReceivedMessage;
import dev.hake.core.receive.VisibilityKeeper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes a queue, or a topic through a shared durable subscription, with
 * {@code concurrentConsumers} poll loops. Each message becomes one exchange, routed with Camel's
 * asynchronous engine; the message is deleted when the exchange completes, and made visible again
 * when it fails (at once, or after {@code redeliveryDelay}). While an exchange runs, its message's
 * visibility timeout is extended, so a long exchange does not see its message handed out again.
 */
public class HakeConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(HakeConsumer.class);

    private final List<ConsumerLane> lanes = new ArrayList<>();
    private HakeServices services;
    private ConsumedQueue queue;
    private ExecutorService executor;
    private VisibilityKeeper keeper;
    private Predicate<String> trustedClasses;
    private int redeliveryDelaySeconds;

    public HakeConsumer(HakeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public HakeEndpoint getEndpoint() {
        return (HakeEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        HakeEndpoint endpoint = getEndpoint();
        services = endpoint.services();
        HakeSettings settings = services.settings;
        trustedClasses = ObjectBodies.trusting(settings.trustedPackages());
        redeliveryDelaySeconds = (int) Math.min(HakeSettings.MAX_VISIBILITY_SECONDS,
                (endpoint.getRedeliveryDelay() + 999) / 1000);
        queue = ConsumedQueue.open(endpoint, services);
        keeper = new VisibilityKeeper(services.core.acknowledger(), services.core.scheduler(), settings.visibilityTimeoutSeconds());
        int n = endpoint.getConcurrentConsumers();
        executor = endpoint.getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "HakeConsumer[" + endpoint.getDestinationName() + "]", n);
        for (int i = 0; i < n; i++) {
            ReceiveBuffer buffer = services.newReceiver(queue.queueUrl(), endpoint.destination());
            buffer.filter(queue.filter());
            ConsumerLane lane = new ConsumerLane(buffer, executor, this::deliver);
            lanes.add(lane);
            lane.start();
        }
        LOG.debug("consuming with {} poll loop(s) [queue={}]", n, queue.queueUrl());
    }

    @Override
    protected void doStop() throws Exception {
        lanes.forEach(ConsumerLane::close);
        lanes.clear();
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
        if (keeper != null) {
            keeper.close();
        }
        if (queue != null) {
            queue.release();
            queue = null;
        }
        super.doStop();
    }

    /** Suspended, it fetches nothing and hands back what it had prefetched. */
    @Override
    protected void doSuspend() throws Exception {
        lanes.forEach(ConsumerLane::suspend);
    }

    @Override
    protected void doResume() throws Exception {
        lanes.forEach(ConsumerLane::resume);
    }

    /** Routes one message; true when its exchange completed before this returned. */
    private boolean deliver(ReceivedMessage received, Runnable resume) {
        Exchange exchange = createExchange(false);
        try {
            IncomingMessages.fill(exchange, received.message(), getEndpoint().getHeaderFilterStrategy(),
                    trustedClasses);
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("hake: cannot read a received message; it will be delivered again",
                    exchange, e);
            redeliver(received);
            releaseExchange(exchange, false);
            return true;
        }
        keeper.hold(received);
        try {
            return getAsyncProcessor().process(exchange, doneSync -> {
                keeper.drop(received);
                settle(exchange, received);
                releaseExchange(exchange, false);
                if (!doneSync) {
                    resume.run();
                }
            });
        } catch (RuntimeException e) {
            // The engine reports failures through the exchange; this is only a safety net for the loop.
            keeper.drop(received);
            getExceptionHandler().handleException("hake: routing a message failed; it will be delivered again",
                    exchange, e);
            redeliver(received);
            releaseExchange(exchange, false);
            return true;
        }
    }

    /** Deletes the message of a completed exchange; a failed one's comes back for redelivery. */
    private void settle(Exchange exchange, ReceivedMessage received) {
        if (exchange.isFailed() || exchange.isRollbackOnly() || exchange.isRollbackOnlyLast()) {
            LOG.debug("exchange failed; its message will be delivered again [queue={}, delivery={}]",
                    received.queueUrl(), received.message().deliveryCount());
            redeliver(received);
            return;
        }
        // A delete that fails (or whose outcome is in doubt) is logged by the acknowledger.
        services.core.acknowledger().delete(received);
    }

    private void redeliver(ReceivedMessage received) {
        if (redeliveryDelaySeconds > 0) {
            services.core.acknowledger().changeVisibility(received, redeliveryDelaySeconds);
        } else {
            services.core.acknowledger().release(received, true);
        }
    }
}
