package dev.hake.samples.boot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Receives orders from the SQS queue {prefix}orders, three to ten consumers at a time. An order
 * without a customer header cannot be taken: each delivery fails and is rolled back, and after
 * {@code hake.max-deliveries} of them SQS moves it to {prefix}orders-dlq.
 */
@Component
public class OrderListener {

    private final List<Order> received = new CopyOnWriteArrayList<>();
    private final Semaphore arrivals = new Semaphore(0);

    @JmsListener(destination = "${orders.queue}", concurrency = "3-10")
    public void onOrder(String text, @Header("customer") String customer) {
        System.out.println("received: " + text + " (customer " + customer + ")");
        received.add(new Order(text, customer));
        arrivals.release();
    }

    /** Every order received so far, in the order they came. */
    public List<Order> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} more orders have come, for at most {@code timeout}; true if they did. */
    boolean awaitOrders(int count, Duration timeout) throws InterruptedException {
        return arrivals.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
