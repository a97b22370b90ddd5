package dev.hake.faults;

import static org.awaitility.Awaitility.await;

import dev.hake.embedded.junit.HakeTestBackend;
import dev.hake.faults.proxy.FaultKind;
import dev.hake.faults.proxy.FaultPlan;
import dev.hake.faults.proxy.FaultProxy;
import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One (scenario, fault) case: a fault proxy in front of the backend, hake connections through it
 * with a name prefix of the case's own, the ledger and the exception log, the waits, and at the
 * end the result row and the deletion of what the case made.
 */
final class FaultCase implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    final String scenario;
    final FaultKind fault;
    final long seed;
    final String prefix;
    final ExceptionLog exceptions = new ExceptionLog();
    private final HakeTestBackend backend;
    private final FaultProxy proxy;
    private final BackendAdmin admin;
    private final List<Connection> connections = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private Ledger ledger;

    FaultCase(String scenario, FaultKind fault, HakeTestBackend backend) {
        this.scenario = scenario;
        this.fault = fault;
        this.backend = backend;
        this.seed = FaultSettings.seedOf(scenario, fault.name());
        this.prefix = "f" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.proxy = FaultProxy.start(backend.endpoint(), seed);
        this.admin = new BackendAdmin(backend);
        System.out.println("[fault-suite] " + scenario + " / " + fault + " on " + backend.name() + ": seed " + seed
                + " (-Dhake.faults.seed=" + FaultSettings.SEED + "), prefix " + prefix + ", "
                + FaultSettings.MESSAGES + " messages, rate " + FaultSettings.rateOf(fault));
    }

    /** A connection through the proxy, with the case's ExceptionListener; closed with the case. */
    Connection connection() throws JMSException {
        return connection(null);
    }

    /** The same, with a client ID (set first: JMS allows it only before anything else is done). */
    Connection connection(String clientId) throws JMSException {
        Connection c = new HakeConnectionFactory(hakeUri()).createConnection();
        connections.add(c);
        if (clientId != null) {
            c.setClientID(clientId);
        }
        c.setExceptionListener(exceptions::listenerCalled);
        return c;
    }

    /** The backend's URI with the proxy in place of its endpoint. */
    private String hakeUri() {
        return "hake:?endpoint=" + encode(proxy.endpoint().toString())
                + "&region=" + encode(backend.region())
                + "&accessKeyId=" + encode(backend.accessKeyId())
                + "&secretAccessKey=" + encode(backend.secretAccessKey())
                + "&prefix=" + prefix
                + "&visibilityTimeoutSeconds=" + FaultSettings.VISIBILITY_TIMEOUT_SECONDS;
    }

    Ledger ledger(List<String> subscriptions) {
        ledger = new Ledger(subscriptions);
        return ledger;
    }

    /** The keys of the workload: "1" to "N". */
    static List<String> keys() {
        return IntStream.rangeClosed(1, FaultSettings.MESSAGES).mapToObj(Integer::toString).toList();
    }

    void faultsOn() {
        proxy.inject(FaultPlan.onMessagePath(fault, FaultSettings.rateOf(fault)));
    }

    void faultsOff() {
        proxy.stopInjecting();
    }

    /**
     * Waits until every message that must arrive has, on every subscription, and nothing waits to
     * come back; or until nothing more can come (the queues are empty and nothing arrived for a
     * while); at most the arrival time plus the visibility timeout. True if all settled.
     */
    boolean awaitArrival() {
        try {
            await().atMost(Duration.ofSeconds(FaultSettings.ARRIVAL_SECONDS + FaultSettings.VISIBILITY_TIMEOUT_SECONDS))
                    .pollInterval(POLL)
                    .until(() -> ledger.allSettled() || drainedAndQuiet());
        } catch (ConditionTimeoutException e) {
            return false;
        }
        return ledger.allSettled();
    }

    /** Waits (bounded) for the message sent after the faults were off. */
    boolean awaitFinal() {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(POLL).until(() -> ledger.settled(Messages.FINAL));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * Waits until the case's queues hold nothing (not even in flight) and nothing arrived for a
     * while, so every duplicate still on its way has been counted.
     */
    void awaitQuiet() {
        try {
            await().atMost(Duration.ofSeconds(FaultSettings.VISIBILITY_TIMEOUT_SECONDS + 20L)).pollInterval(POLL)
                    .until(this::drainedAndQuiet);
        } catch (ConditionTimeoutException e) {
            exceptions.record("test", new IllegalStateException("the queues did not drain: "
                    + admin.messagesIn(prefix) + " messages left"));
        }
    }

    private boolean drainedAndQuiet() {
        return ledger.nanosSinceLastDelivery() >= TimeUnit.MILLISECONDS.toNanos(FaultSettings.QUIET_MILLIS)
                && admin.messagesIn(prefix) == 0;
    }

    /** The row of this case, added to the report. */
    CaseResult report(boolean finalDelivered) {
        var sends = ledger.sendCounts();
        var unsettled = ledger.unsettled();
        var falseFailures = ledger.falseFailures();
        CaseResult result = new CaseResult(backend.name(), scenario, fault.name(), seed,
                sends.get(Ledger.SendState.SENT), sends.get(Ledger.SendState.IN_DOUBT), ledger.inDoubtArrived(),
                sends.get(Ledger.SendState.NOT_SENT), unsettled.size(), ledger.duplicates(),
                ledger.duplicatesAfterAck(), ledger.unmarked(), falseFailures.size(), exceptions.counts(),
                exceptions.firstTexts(), exceptions.listenerCalls(), proxy.counts().faultsByKind(),
                proxy.counts().snapshot(), finalDelivered, first(unsettled, 20), first(falseFailures, 20),
                ledger.unmarkedSamples(), (System.nanoTime() - startNanos) / 1e9);
        ReliabilityReport.add(result);
        return result;
    }

    private static Set<String> first(Set<String> all, int n) {
        return all.stream().limit(n).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Closes the connections, deletes what the case made (straight, not through the proxy), stops the proxy. */
    @Override
    public void close() {
        proxy.stopInjecting();
        for (Connection c : connections) {
            try {
                c.close();
            } catch (JMSException e) {
                exceptions.record("close", e);
            }
        }
        try {
            admin.deleteAll(prefix);
        } finally {
            admin.close();
            proxy.close();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
