package dev.hake.bench.client;

import dev.hake.bench.Deliveries;
import dev.hake.bench.Scenario;
import dev.hake.bench.SdkClients;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor: the AWS SDK v2 async client used by hand as well as it can be. Sends go in
 * SendMessageBatch / PublishBatch requests of ten (fewer when 256 KiB would be exceeded), every
 * consumer long-polls for ten at a time and deletes what it got in one DeleteMessageBatch.
 */
public final class FloorClient implements ClientUnderTest {

    /** Connections the client may open; far more than it needs, so it never waits for one. */
    private static final int MAX_CONCURRENCY = 200;

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public String description() {
        return "hand-tuned SDK v2 async client: SendMessageBatch/PublishBatch of 10 (or as many as fit in 256 KiB),"
                + " up to 10 batches in flight; each consumer long-polls (20 s) for 10 and deletes them in one"
                + " DeleteMessageBatch";
    }

    @Override
    public boolean supportsTopics() {
        return true;
    }

    @Override
    public Trial open(Scenario scenario, TrialSetup setup, Deliveries deliveries) {
        List<String> queueUrls = new ArrayList<>();
        String topicArn = null;
        if (scenario.topic()) {
            topicArn = setup.admin().createTopic(setup.prefix() + "t");
            for (int i = 0; i < scenario.subscriptions(); i++) {
                String url = setup.admin().createQueue(setup.prefix() + "s" + i);
                setup.admin().subscribe(topicArn, url);
                queueUrls.add(url);
            }
        } else {
            queueUrls.add(setup.admin().createQueue(setup.prefix() + QUEUE));
        }
        FloorTrial trial = new FloorTrial(new SdkClients(setup.endpoint(), setup.backend(), MAX_CONCURRENCY), topicArn,
                queueUrls, scenario.consumersPerSubscription(), deliveries);
        trial.start();
        return trial;
    }

    @Override
    public boolean supportsDrain() {
        return true;
    }

    @Override
    public DrainConsumers drainConsumers(Scenario scenario, TrialSetup setup, Deliveries deliveries) {
        // The queue exists already; creating it again returns its URL.
        String url = setup.admin().createQueue(setup.prefix() + QUEUE);
        return new FloorTrial(new SdkClients(setup.endpoint(), setup.backend(), MAX_CONCURRENCY), null, List.of(url),
                scenario.consumers(), deliveries);
    }
}
