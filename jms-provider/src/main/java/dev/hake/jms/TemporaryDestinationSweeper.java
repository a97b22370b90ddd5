package dev.hake.jms;

import dev.hake.core.HakeSettings;
import dev.hake.core.aws.AwsClients;
import dev.hake.core.aws.AwsErrors;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.Tag;

/**
 * Finds and deletes temporary queues and topics left behind by processes that crashed: those
 * under the settings' prefix whose alive tag is older than a given age. A live connection
 * refreshes the tag every five minutes, so an age of 15 minutes or more never removes a live one.
 */
final class TemporaryDestinationSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDestinationSweeper.class);
    private static final int MAX_TOPIC_PAGES = 1_000;

    private TemporaryDestinationSweeper() {
    }

    static int sweep(HakeSettings settings, Duration olderThan) {
        if (olderThan.compareTo(TemporaryDestinations.HEARTBEAT.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("olderThan must be at least "
                    + TemporaryDestinations.HEARTBEAT.multipliedBy(3).toMinutes()
                    + " minutes, or live temporary destinations could be deleted");
        }
        long cutoff = System.currentTimeMillis() - olderThan.toMillis();
        String namePrefix = settings.prefix() + TemporaryDestinations.NAME_PREFIX;
        try (AwsClients aws = AwsClients.create(settings, null, null, ForkJoinPool.commonPool())) {
            return sweepQueues(aws, namePrefix, cutoff) + sweepTopics(aws, namePrefix, cutoff);
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "sweeping temporary destinations");
        }
    }

    private static int sweepQueues(AwsClients aws, String namePrefix, long cutoff) {
        int deleted = 0;
        java.util.List<String> urls = new java.util.concurrent.CopyOnWriteArrayList<>();
        aws.sqs().listQueuesPaginator(r -> r.queueNamePrefix(namePrefix).maxResults(1000))
                .queueUrls().subscribe(urls::add).join();
        for (String url : urls) {
            Map<String, String> tags = aws.sqs().listQueueTags(r -> r.queueUrl(url)).join().tags();
            if (isOrphan(tags, cutoff)) {
                aws.sqs().deleteQueue(r -> r.queueUrl(url)).join();
                LOG.info("deleted orphaned temporary queue [queue={}]", url);
                deleted++;
            }
        }
        return deleted;
    }

    private static int sweepTopics(AwsClients aws, String namePrefix, long cutoff) {
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
                Map<String, String> tags = new java.util.HashMap<>();
                for (Tag t : aws.sns().listTagsForResource(r -> r.resourceArn(arn)).join().tags()) {
                    tags.put(t.key(), t.value());
                }
                if (isOrphan(tags, cutoff)) {
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

    private static boolean isOrphan(Map<String, String> tags, long cutoff) {
        if (!TemporaryDestinations.KIND_VALUE.equals(tags.get(TemporaryDestinations.KIND_TAG))) {
            return false;
        }
        try {
            return Long.parseLong(tags.getOrDefault(TemporaryDestinations.ALIVE_TAG, "0")) < cutoff;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
