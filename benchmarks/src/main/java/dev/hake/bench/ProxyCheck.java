package dev.hake.bench;

import dev.hake.bench.client.TrialSetup;

/**
 * Checks that a request still goes through the counting proxy when its queue URL names the
 * backend's own host and port (backends put themselves in queue URLs). The SDK sends every request
 * to its endpoint override and, in SQS's JSON protocol, the queue URL only in the body, so it should.
 */
final class ProxyCheck {

    private ProxyCheck() {
    }

    /** Returns what was checked; throws if a request went around the proxy. */
    static String run(Harness harness) {
        TrialSetup setup = harness.newTrial();
        try (SdkClients viaProxy = new SdkClients(harness.proxy().endpoint(), harness.backend(), 4)) {
            String url = harness.admin().createQueue(setup.prefix() + "check");
            long before = harness.proxy().counts().of("SendMessage");
            viaProxy.sqs().sendMessage(r -> r.queueUrl(url).messageBody("check")).join();
            long counted = harness.proxy().counts().of("SendMessage") - before;
            if (counted != 1) {
                throw new IllegalStateException("a SendMessage to " + url + " was not counted by the proxy (counted "
                        + counted + "): requests go around it, and the counts would be wrong");
            }
            return "proxy check: a SendMessage to " + url + " (the backend's own address) went through the proxy";
        } finally {
            harness.cleanUp(setup);
        }
    }
}
