package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.filter.FilterAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what one Publish or PublishBatch accepted to the subscriptions of its topic: each
 * subscription gets, in publish order, the notifications its filter policy passes. The
 * subscriptions are served at the same time, by the publishing thread and the fan-out threads,
 * so that a publish costs about the same whatever the number of subscriptions; and
 * {@link #deliver} returns only once all are served: Publish is synchronous.
 */
final class FanOut {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final TopicRegistry registry;
    private final SqsDelivery delivery;
    private final Executor threads;

    FanOut(TopicRegistry registry, SqsDelivery delivery, Executor threads) {
        this.registry = registry;
        this.delivery = delivery;
        this.threads = threads;
    }

    void deliver(String topicArn, List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        List<Map<String, FilterAttribute>> filterAttributes =
                notifications.stream().map(Notification::filterAttributes).toList();
        List<Subscription> subscriptions = registry.subscriptionsOf(topicArn);
        List<Supplier<List<Notification>>> deliveries = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            List<Notification> accepted = new ArrayList<>();
            for (int i = 0; i < notifications.size(); i++) {
                if (subscription.accepts(filterAttributes.get(i))) {
                    accepted.add(notifications.get(i));
                }
            }
            if (!accepted.isEmpty()) {
                deliveries.add(() -> delivery.deliver(accepted, subscription));
            }
        }
        List<List<Notification>> delivered = InParallel.run(deliveries, threads);
        if (LOG.isDebugEnabled()) {
            logCounts(notifications, delivered, subscriptions.size());
        }
    }

    private static void logCounts(List<Notification> notifications, List<List<Notification>> delivered,
                                  int subscriptionCount) {
        for (Notification notification : notifications) {
            long deliveredTo = delivered.stream().filter(list -> list.contains(notification)).count();
            LOG.debug("Published [topic={}, messageId={}] to {} of {} subscriptions",
                    notification.topicArn(), notification.messageId(), deliveredTo, subscriptionCount);
        }
    }
}
