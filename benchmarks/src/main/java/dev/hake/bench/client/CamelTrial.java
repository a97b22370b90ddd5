package dev.hake.bench.client;

import dev.hake.bench.Payload;
import dev.hake.bench.Samples;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

/**
 * A started CamelContext with the scenario's consumer routes, and a ProducerTemplate sending to the
 * scenario's destination asynchronously, as throughput-minded Camel code does.
 */
final class CamelTrial implements Trial {

    /** Exchanges in flight at most: the same window as hake-throughput's CompletionListener sends. */
    static final int ASYNC_WINDOW = JmsTrial.ASYNC_WINDOW;
    private static final long ASYNC_DRAIN_SECONDS = 120;

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint destination;

    CamelTrial(CamelContext camel, String destinationUri) {
        this.camel = camel;
        this.template = camel.createProducerTemplate();
        this.destination = camel.getEndpoint(destinationUri);
    }

    @Override
    public void send(int firstSeq, int count, int bodyBytes, Samples sendLatency) throws Exception {
        Semaphore window = new Semaphore(ASYNC_WINDOW);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            window.acquire();
            String body = Payload.body(seq, bodyBytes);
            long start = System.nanoTime();
            template.asyncSend(destination, exchange -> exchange.getMessage().setBody(body))
                    .whenComplete((exchange, error) -> {
                        // A failed send completes the future normally, with the reason on the exchange.
                        Throwable failed = error != null ? error : exchange.getException();
                        if (failed != null) {
                            failure.compareAndSet(null, failed);
                        } else {
                            sendLatency.add(System.nanoTime() - start);
                        }
                        window.release();
                    });
        }
        // All permits back: every exchange has completed.
        if (!window.tryAcquire(ASYNC_WINDOW, ASYNC_DRAIN_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("async sends did not complete within " + ASYNC_DRAIN_SECONDS + " s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Camel send failed", failure.get());
        }
    }

    /** Stops the routes and the producer, and with them the component's AWS clients. */
    @Override
    public void close() {
        try {
            template.stop();
        } catch (RuntimeException e) {
            System.err.println("stopping the producer template failed: " + e);
        }
        try {
            camel.stop();
        } catch (RuntimeException e) {
            System.err.println("stopping the CamelContext failed: " + e);
        }
    }
}
