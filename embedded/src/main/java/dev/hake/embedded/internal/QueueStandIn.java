package dev.hake.embedded.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.PoisonPill;
import org.apache.pekko.actor.Props;
import org.apache.pekko.actor.Status;
import org.apache.pekko.actor.Terminated;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.msg.ReceiveMessages;
import org.elasticmq.rest.sqs.SQSException;
import scala.collection.immutable.Nil$;

/**
 * Stands in front of one ElasticMQ queue actor. It passes everything on, keeps track of the
 * receives that wait there, and answers them with no messages when the queue actor stops (the
 * queue was deleted), as SQS ends a long poll on a queue that is deleted. ElasticMQ itself drops
 * them: each would end 21 s later in an ask time-out, logged as an ERROR and answered with HTTP 500.
 */
final class QueueStandIn extends AbstractActor {

    /** Asks a stand-in how many receives wait on its queue; the answer is an Integer. */
    static final Object COUNT_WAITING_RECEIVES = "count waiting receives";

    /**
     * Longer than ElasticMQ's own 21 s ask: a receive that hangs on a live queue still fails there
     * first, and is logged there, as before.
     */
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How long a stand-in outlives its queue, answering that the queue does not exist: a request
     * that looked the queue up just before it was deleted may still arrive, and a receive given up
     * on (above) must find it to be ignored.
     */
    private static final Duration LINGER = RECEIVE_TIMEOUT.plusSeconds(10);

    private final ActorRef queue;
    private final Map<Long, ActorRef> waitingReceives = new HashMap<>();
    private long nextReceive;

    private QueueStandIn(ActorRef queue) {
        this.queue = queue;
    }

    static Props props(ActorRef queue) {
        return Props.create(QueueStandIn.class, () -> new QueueStandIn(queue));
    }

    @Override
    public void preStart() {
        getContext().watch(queue);
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(ReceiveMessages.class, this::receive)
                .match(Answered.class, this::answered)
                .matchEquals(COUNT_WAITING_RECEIVES, count -> getSender().tell(waitingReceives.size(), getSelf()))
                .match(Terminated.class, stopped -> queueGone())
                .matchAny(message -> queue.forward(message, getContext()))
                .build();
    }

    private void receive(ReceiveMessages receive) {
        long id = nextReceive++;
        waitingReceives.put(id, getSender());
        ActorRef self = getSelf();
        Patterns.ask(queue, receive, RECEIVE_TIMEOUT).whenComplete(
                (answer, failure) -> self.tell(new Answered(id, answer, failure), ActorRef.noSender()));
    }

    private void answered(Answered answered) {
        ActorRef asker = waitingReceives.remove(answered.id());
        if (asker != null) {
            asker.tell(answered.failure() == null ? answered.answer() : new Status.Failure(answered.failure()), getSelf());
        }
    }

    private void queueGone() {
        waitingReceives.values().forEach(asker -> asker.tell(Nil$.MODULE$, getSelf()));
        waitingReceives.clear();
        getContext().become(receiveBuilder()
                .match(Answered.class, late -> { })
                .matchEquals(COUNT_WAITING_RECEIVES, count -> getSender().tell(0, getSelf()))
                .matchAny(message -> getSender().tell(new Status.Failure(SQSException.nonExistentQueue()), getSelf()))
                .build());
        getContext().getSystem().scheduler().scheduleOnce(LINGER, getSelf(), PoisonPill.getInstance(),
                getContext().getDispatcher(), ActorRef.noSender());
    }

    private record Answered(long id, Object answer, Throwable failure) {
    }
}
