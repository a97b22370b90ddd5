package dev.hake.samples.boot;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends {@code orders.count} orders, each with a {@code customer} property, then waits (at most
 * {@code orders.wait}) until the listener has them all. The application's exit code says whether it did.
 */
@Component
public class OrderDemo implements CommandLineRunner, ExitCodeGenerator {

    private static final String[] CUSTOMERS = {"ada", "grace", "edsger"};

    private final JmsTemplate jms;
    private final OrderListener listener;
    private final String queue;
    private final int count;
    private final Duration wait;
    private volatile int exitCode = 1;

    public OrderDemo(JmsTemplate jms, OrderListener listener, @Value("${orders.queue}") String queue,
                     @Value("${orders.count}") int count, @Value("${orders.wait}") Duration wait) {
        this.jms = jms;
        this.listener = listener;
        this.queue = queue;
        this.count = count;
        this.wait = wait;
    }

    @Override
    public void run(String... args) throws InterruptedException {
        System.out.println("Spring Boot: JmsTemplate sends " + count + " orders to the queue '" + queue
                + "', a @JmsListener receives them");
        for (int i = 1; i <= count; i++) {
            String customer = CUSTOMERS[i % CUSTOMERS.length];
            jms.convertAndSend(queue, "order #" + i, message -> {
                message.setStringProperty("customer", customer);
                return message;
            });
            System.out.println("sent:     order #" + i + " (customer " + customer + ")");
        }
        if (listener.awaitOrders(count, wait)) {
            System.out.println("all " + count + " orders came");
            exitCode = 0;
        } else {
            System.out.println("only " + listener.received().size() + " of " + count + " orders came within " + wait);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
