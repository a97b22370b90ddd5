package dev.hake.faults;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the reliability report: what a (scenario, fault) case sent, what arrived, and where
 * the contract was broken.
 *
 * @param sentOk           sends the API said succeeded (resends included)
 * @param sentInDoubt      sends the API said were in doubt
 * @param inDoubtArrived   of those, how many arrived
 * @param notSent          sends the API said failed
 * @param lost             messages that had to arrive (or come back) and did not, counted per subscription
 * @param duplicates       deliveries after a message's first, per subscription
 * @param duplicatesAfterAck of those, deliveries after the message had been acknowledged
 * @param unmarked         duplicates with JMSRedelivered false
 * @param falseFailures    messages the application was told were not sent, that arrived
 * @param exceptions       exceptions seen, by where, class and error code
 * @param listenerCalls    calls of the connection's ExceptionListener
 * @param faults           faults injected, by kind
 * @param finalDelivered   whether the message sent after the faults were off arrived everywhere
 */
record CaseResult(String backend, String scenario, String fault, long seed, int sentOk, int sentInDoubt,
                  int inDoubtArrived, int notSent, int lost, int duplicates, int duplicatesAfterAck, int unmarked,
                  int falseFailures, Map<String, Integer> exceptions, Map<String, String> exceptionTexts,
                  int listenerCalls, Map<String, Long> faults, Map<String, Map<String, Long>> proxyCounts,
                  boolean finalDelivered, Set<String> lostSamples, Set<String> falseFailureSamples,
                  List<String> unmarkedSamples, double seconds) {

    boolean passed() {
        return lost == 0 && falseFailures == 0 && unmarked == 0 && finalDelivered;
    }

    long faultsInjected() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }
}
