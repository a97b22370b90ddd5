package dev.hake.core.aws;

import dev.hake.core.HakeSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Tag;

/**
 * Finds and deletes the queues and topics whose name starts with a given prefix and whose tags say
 * they are orphans (the temporary destinations of processes that crashed). Runs on
 * the caller's thread, with a thread of its own for the SDK's completions (never a shared pool, which
 * an application server may not allow).
 */
public final class OrphanSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);
    private static final int MAX_TOPIC_PAGES = 1_000;

    private final String namePrefix;
    private final Predicate<Map<String, String>> isOrphan;

    /** {@code isOrphan} tells from a resource's tags whether it is left over. */
    public OrphanSweep(String namePrefix, Predicate<Map<String, String>> isOrphan) {
        this.namePrefix = namePrefix;
        this.isOrphan = isOrphan;
    }

    /** Sweeps the backend of {@code settings}; returns how many queues and topics it deleted. */
    public int run(HakeSettings settings) {
        ExecutorService completions = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hake-orphan-sweep");
            t.setDaemon(true);
            return t;
        });
        try (AwsClients aws = AwsClients.create(settings, null, null, completions)) {
            return sweepQueues(aws) + sweepTopics(aws);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "sweeping temporary destinations");
        } finally {
            completions.shutdown();
        }
    }

    private int sweepQueues(AwsClients aws) {
        int deleted = 0;
        List<String> urls = new CopyOnWriteArrayList<>();
        aws.sqs().listQueuesPaginator(r -> r.queueNamePrefix(namePrefix).maxResults(1000))
                .queueUrls().subscribe(urls::add).join();
        for (String url : urls) {
            Map<String, String> tags = aws.sqs().listQueueTags(r -> r.queueUrl(url)).join().tags();
            if (isOrphan.test(tags)) {
                aws.sqs().deleteQueue(r -> r.queueUrl(url)).join();
                LOG.info("deleted orphaned temporary queue [queue={}]", url);
                deleted++;
            }
        }
        return deleted;
    }

    private int sweepTopics(AwsClients aws) {
        int deleted = 0;
        String token = null;
        for (int page = 0; page < MAX_TOPIC_PAGES; page++) {
            String next = token;
            ListTopicsResponse response = aws.sns().listTopics(r -> r.nextToken(next)).join();
            for (var topic : response.topics()) {
                String arn = topic.topicArn();
                if (!arn.substring(arn.lastIndexOf(':') + 1).startsWith(namePrefix)) {
                    continue;
                }
                Map<String, String> tags = new HashMap<>();
                for (Tag t : aws.sns().listTagsForResource(r -> r.resourceArn(arn)).join().tags()) {
                    tags.put(t.key(), t.value());
                }
                if (isOrphan.test(tags)) {
                    aws.sns().deleteTopic(r -> r.topicArn(arn)).join();
                    LOG.info("deleted orphaned temporary topic [topic={}]", arn);
                    deleted++;
                }
            }
            token = response.nextToken();
            if (token == null || token.isEmpty()) {
                break;
            }
        }
        return deleted;
    }
}
