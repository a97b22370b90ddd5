package dev.hake.core;

import dev.hake.core.aws.SubscriptionQueue;
import dev.hake.core.aws.Subscriptions;
import dev.hake.core.receive.MessageFilter;
import dev.hake.core.receive.SelectorFilter;
import dev.hake.core.selector.SnsFilterPolicy;
import java.util.Optional;

/**
 * Opens and removes topic subscriptions for every face, so that the rules live once: which queue
 * each kind of subscription reads, the JVM-wide claim taken before AWS is touched, that a durable
 * name is shared or unshared but not both, and when a subscription goes with its last consumer.
 * Subscriptions get an SNS filter policy derived from the selector, so SNS drops most of what the
 * selector would reject before it costs a delivery; the filter applies the whole selector after.
 */
final class TopicSubscriptions {

    private final Subscriptions subscriptions;
    private final ResourceNames names;
    private final String backendKey;
    private final DeadLetterQueues deadLetters;

    TopicSubscriptions(Subscriptions subscriptions, ResourceNames names, String backendKey, DeadLetterQueues deadLetters) {
        this.subscriptions = subscriptions;
        this.names = names;
        this.backendKey = backendKey;
        this.deadLetters = deadLetters;
    }

    SubscriptionSource open(SubscriptionRequest request) {
        Optional<String> policy = request.selector() == null ? Optional.empty() : SnsFilterPolicy.from(request.selector());
        Subscriptions.Spec spec = new Subscriptions.Spec(request.topicName(), policy, request.selectorText(),
                request.noLocal());
        MessageFilter filter = SelectorFilter.forSubscription(request.selector(), request.localConnectionId());
        if (request.kind() == SubscriptionRequest.Kind.NON_DURABLE) {
            SubscriptionQueue own = subscriptions.nonDurable(spec);
            try {
                // Named after the topic, not the consumer's queue: one dead-letter queue serves every
                // non-durable subscriber of a topic, however many come and go.
                deadLetters.feed(own.queueUrl(), "nd-" + request.topicName());
            } catch (RuntimeException e) {
                subscriptions.delete(own);
                throw e;
            }
            return new SubscriptionSource(own.queueUrl(), filter, () -> subscriptions.delete(own));
        }
        refuseTheOtherDurableKind(request);
        String queueName = queueName(request.kind(), request.clientId(), request.name(), request.fifo());
        boolean shared = request.kind().isShared();
        SubscriptionClaim claim = claim(queueName, new SubscriptionIdentity(request.topicName(),
                request.selectorText(), request.noLocal()), shared, request.description());
        try {
            SubscriptionQueue named = subscriptions.named(queueName, spec, shared ? "shared" : "durable");
            deadLetters.feed(named.queueUrl(), names.withoutPrefix(queueName));
            boolean endsWithLastConsumer = request.kind() == SubscriptionRequest.Kind.SHARED;
            return new SubscriptionSource(named.queueUrl(), filter, () -> {
                if (claim.release() && endsWithLastConsumer) {
                    subscriptions.delete(named);
                }
            });
        } catch (RuntimeException e) {
            claim.release();
            throw e;
        }
    }

    /**
     * Removes the durable subscription {@code name} of {@code clientId} (null: none), unshared first,
     * then shared.
     *
     * @throws SubscriptionInUseException if a consumer in this JVM has it open
     * @throws DestinationNotFoundException if there is no such subscription
     */
    void unsubscribeDurable(String clientId, String name) {
        String description = "durable subscription '" + name + "'";
        for (boolean fifo : new boolean[] {false, true}) {
            for (SubscriptionRequest.Kind kind : new SubscriptionRequest.Kind[] {
                    SubscriptionRequest.Kind.DURABLE, SubscriptionRequest.Kind.SHARED_DURABLE}) {
                if (kind == SubscriptionRequest.Kind.DURABLE && clientId == null) {
                    continue;
                }
                String queueName = queueName(kind, clientId, name, fifo);
                if (SubscriptionClaims.isClaimed(claimKey(queueName))) {
                    throw new SubscriptionInUseException(description
                            + " has an active consumer; close it before unsubscribing");
                }
                if (subscriptions.exists(queueName)) {
                    subscriptions.unsubscribe(queueName, description);
                    return;
                }
            }
        }
        throw new DestinationNotFoundException("no " + description
                + (clientId == null ? " without a client ID" : " for client ID '" + clientId + "'"));
    }

    /** A durable subscription name is either shared or unshared; JMS forbids using it both ways at once. */
    private void refuseTheOtherDurableKind(SubscriptionRequest request) {
        SubscriptionRequest.Kind other;
        if (request.kind() == SubscriptionRequest.Kind.DURABLE) {
            other = SubscriptionRequest.Kind.SHARED_DURABLE;
        } else if (request.kind() == SubscriptionRequest.Kind.SHARED_DURABLE && request.clientId() != null) {
            other = SubscriptionRequest.Kind.DURABLE;
        } else {
            return;
        }
        if (subscriptions.exists(queueName(other, request.clientId(), request.name(), request.fifo()))) {
            String shared = other == SubscriptionRequest.Kind.SHARED_DURABLE ? "a shared" : "an unshared";
            throw new HakeException("'" + request.name() + "' is already " + shared + " durable subscription of client ID '"
                    + request.clientId() + "'; a durable subscription name can be shared or unshared, not both");
        }
    }

    private String queueName(SubscriptionRequest.Kind kind, String clientId, String name, boolean fifo) {
        return switch (kind) {
            case DURABLE -> names.durableSubscriptionQueue(clientId, name, fifo);
            case SHARED_DURABLE -> names.sharedDurableSubscriptionQueue(clientId, name, fifo);
            case SHARED -> names.sharedSubscriptionQueue(clientId, name, fifo);
            case NON_DURABLE -> throw new IllegalArgumentException("a non-durable subscription's queue has no fixed name");
        };
    }

    /** Claims one consumer's place, in this JVM, before anything on AWS is touched. */
    private SubscriptionClaim claim(String queueName, SubscriptionIdentity identity, boolean shared, String description) {
        return SubscriptionClaims.claim(claimKey(queueName), identity, shared, description);
    }

    private String claimKey(String queueName) {
        return backendKey + "|" + queueName;
    }
}
