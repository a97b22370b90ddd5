package dev.hake.embedded.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.apache.pekko.actor.Status;
import org.apache.pekko.actor.Terminated;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.Limits;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.msg.CreateQueue;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.util.Right;

/**
 * ElasticMQ's queue manager, handing out a {@link QueueStandIn} wherever it would hand out a
 * queue's actor, so that every request to a queue goes through its stand-in. Everything else
 * goes to ElasticMQ's manager unchanged.
 */
final class QueueManager extends AbstractActor {

    /** As long as ElasticMQ's own asks: the manager answers at once, but it must answer. */
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(21);

    private final ActorRef elasticMq;
    /** The stand-in of each queue actor handed out, until the stand-in stops. */
    private final Map<ActorRef, ActorRef> standIns = new HashMap<>();

    private QueueManager(Limits limits) {
        this.elasticMq = getContext().actorOf(Props.create(QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), limits, Option.empty())), "elasticmq");
    }

    static Props props(Limits limits) {
        return Props.create(QueueManager.class, () -> new QueueManager(limits));
    }

    @Override
    public Receive createReceive() {
        return receiveBuilder()
                .match(LookupQueue.class, this::askElasticMq)
                .match(CreateQueue.class, this::askElasticMq)
                .match(Answered.class, this::answered)
                .match(Terminated.class, stopped -> standIns.values().remove(stopped.actor()))
                .matchAny(message -> elasticMq.forward(message, getContext()))
                .build();
    }

    private void askElasticMq(Object message) {
        ActorRef asker = getSender();
        ActorRef self = getSelf();
        Patterns.ask(elasticMq, message, ASK_TIMEOUT).whenComplete(
                (answer, failure) -> self.tell(new Answered(asker, answer, failure), ActorRef.noSender()));
    }

    /** Passes ElasticMQ's answer on, with a stand-in in place of the queue actor (Option or Right). */
    private void answered(Answered answered) {
        Object answer = answered.answer();
        if (answered.failure() != null) {
            answer = new Status.Failure(answered.failure());
        } else if (answer instanceof Option<?> found && found.isDefined() && found.get() instanceof ActorRef queue) {
            answer = Option.apply(standIn(queue));
        } else if (answer instanceof Right<?, ?> created && created.value() instanceof ActorRef queue) {
            answer = new Right<>(standIn(queue));
        }
        answered.asker().tell(answer, getSelf());
    }

    private ActorRef standIn(ActorRef queue) {
        return standIns.computeIfAbsent(queue, q -> getContext().watch(getContext().actorOf(QueueStandIn.props(q))));
    }

    private record Answered(ActorRef asker, Object answer, Throwable failure) {
    }
}
