package dev.hake.ee.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the beans received, for {@link DeliveriesServlet} to report. A processed message is recorded
 * when the bean's transaction commits, as {@value Delivery#PROCESSED}, or as
 * {@value Delivery#ROLLED_BACK} if it rolls back: "processed" means the container committed the
 * work, which is when the adapter deletes the message. If the system property
 * {@value #JOURNAL_PROPERTY} names a file, every record is also appended to it, so that a test can
 * still see what was processed after it stopped the server.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // thread-safe on its own; the container need not lock
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // runs in the calling bean's transaction
public class DeliveryLog {

    public static final String JOURNAL_PROPERTY = "hake.ee.journal";

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();

    /**
     * Records a message that {@code bean} processed, after {@code workMillis} of work during which it
     * counts as running (which is what shows how many deliveries a bean gets at once). A message
     * that cannot be read is an {@link IllegalStateException}, which rolls the delivery back.
     */
    public void process(String bean, Message message, long workMillis) {
        int now = running.computeIfAbsent(bean, b -> new AtomicInteger()).incrementAndGet();
        mostAtOnce.computeIfAbsent(bean, b -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            if (workMillis > 0) {
                Thread.sleep(workMillis); // stands for the bean's work, so that deliveries overlap
            }
            recordAtCompletion(bean, message);
        } catch (JMSException e) {
            throw new IllegalStateException(bean + " cannot read the message", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(bean + " was interrupted", e);
        } finally {
            running.get(bean).decrementAndGet();
        }
    }

    /** Records a delivery the bean is about to refuse by throwing. */
    public void refuse(String bean, Message message) throws JMSException {
        record(Delivery.of(bean, message, Delivery.THREW));
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The most deliveries {@code bean} was running at one time; 0 if it had none. */
    public int mostAtOnce(String bean) {
        AtomicInteger most = mostAtOnce.get(bean);
        return most == null ? 0 : most.get();
    }

    /** At the end of the bean's transaction, with its outcome; at once if there is none. */
    private void recordAtCompletion(String bean, Message message) throws JMSException {
        Delivery committed = Delivery.of(bean, message, Delivery.PROCESSED);
        if (transactions.getTransactionKey() == null) {
            record(committed);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                record(status == Status.STATUS_COMMITTED ? committed : committed.withOutcome(Delivery.ROLLED_BACK));
            }
        });
    }

    private void record(Delivery delivery) {
        deliveries.add(delivery);
        String journal = System.getProperty(JOURNAL_PROPERTY);
        if (journal != null && !journal.isBlank()) {
            append(Path.of(journal), delivery.line() + "\n");
        }
    }

    /** One line per write, whole: concurrent beans append to the same file. */
    private static synchronized void append(Path journal, String line) {
        try {
            Files.writeString(journal, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the delivery journal " + journal, e);
        }
    }
}
