package dev.hake.embedded.internal.sns;

import dev.hake.embedded.internal.filter.FilterAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, when a Publish or PublishBatch is accepted, which subscriptions of its topic get which
 * of its notifications (those their filter policies pass), and hands that to the
 * {@link DeliveryLanes}, which put them into the queues after Publish has answered: in publish
 * order for each subscription, as SNS does. The subscriptions and filter policies are those in
 * force at the publish; a subscription made or changed afterwards applies to later messages.
 */
final class FanOut {

    private final TopicRegistry registry;
    private final DeliveryLanes lanes;

    FanOut(TopicRegistry registry, DeliveryLanes lanes) {
        this.registry = registry;
        this.lanes = lanes;
    }

    /** @throws SnsError throttled when deliveries are too far behind; nothing is delivered then */
    void deliver(String topicArn, List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        List<Map<String, FilterAttribute>> filterAttributes =
                notifications.stream().map(Notification::filterAttributes).toList();
        List<DeliveryLanes.Delivery> deliveries = new ArrayList<>();
        for (Subscription subscription : registry.subscriptionsOf(topicArn)) {
            List<Notification> accepted = new ArrayList<>();
            for (int i = 0; i < notifications.size(); i++) {
                if (subscription.accepts(filterAttributes.get(i))) {
                    accepted.add(notifications.get(i));
                }
            }
            if (!accepted.isEmpty()) {
                deliveries.add(new DeliveryLanes.Delivery(subscription, List.copyOf(accepted)));
            }
        }
        lanes.add(deliveries);
    }
}
