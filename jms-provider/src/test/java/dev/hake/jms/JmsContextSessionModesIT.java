package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Session modes through a JMSContext: acknowledge, recover, commit and rollback, and their errors. */
class JmsContextSessionModesIT extends ContextIntegrationTest {

    @Test
    void eachContextReportsItsSessionMode() {
        for (int mode : new int[] {JMSContext.SESSION_TRANSACTED, JMSContext.AUTO_ACKNOWLEDGE,
                JMSContext.CLIENT_ACKNOWLEDGE, JMSContext.DUPS_OK_ACKNOWLEDGE}) {
            JMSContext context = context(mode);
            assertThat(context.getSessionMode()).isEqualTo(mode);
            assertThat(context.getTransacted()).isEqualTo(mode == JMSContext.SESSION_TRANSACTED);
        }
        assertThat(context().getSessionMode()).isEqualTo(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Test
    void userAndPasswordAreTheAwsCredentialsOfTheContextsConnection() {
        JMSContext context = track(factory.createContext(backend.accessKeyId(), backend.secretAccessKey()));
        Queue queue = context.createQueue("credentials");
        context.createProducer().send(queue, "signed");
        assertThat(context.createConsumer(queue).receiveBody(String.class, WAIT)).isEqualTo("signed");
        assertThat(track(factory.createContext(backend.accessKeyId(), backend.secretAccessKey(),
                JMSContext.DUPS_OK_ACKNOWLEDGE)).getSessionMode()).isEqualTo(JMSContext.DUPS_OK_ACKNOWLEDGE);
    }

    @Test
    void acknowledgeCoversEverythingTheContextConsumed() throws Exception {
        JMSContext owner = context();
        JMSContext context = track(owner.createContext(JMSContext.CLIENT_ACKNOWLEDGE));
        Queue queue = context.createQueue("client-ack");
        for (int i = 0; i < 3; i++) {
            context.createProducer().send(queue, "m" + i);
        }
        JMSConsumer consumer = context.createConsumer(queue);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(consumer.receiveBody(String.class, WAIT));
        }
        assertThat(got).containsExactlyInAnyOrder("m0", "m1", "m2");

        context.recover();
        Message again = consumer.receive(WAIT);
        assertThat(again.getJMSRedelivered()).isTrue();
        consumer.receive(WAIT);
        consumer.receive(WAIT);
        context.acknowledge();
        context.recover();
        assertThat(consumer.receive(1_500)).isNull();
        context.close();

        // Gone for good: unacknowledged messages would be back at once (see the next test).
        assertThat(owner.createConsumer(queue).receive(1_500)).isNull();
    }

    @Test
    void unacknowledgedMessagesComeBackWhenTheContextCloses() throws Exception {
        JMSContext owner = context();
        // A second context on the connection, so that closing it leaves the connection open.
        JMSContext context = track(owner.createContext(JMSContext.CLIENT_ACKNOWLEDGE));
        Queue queue = context.createQueue("unacked");
        context.createProducer().send(queue, "again");
        assertThat(context.createConsumer(queue).receiveBody(String.class, WAIT)).isEqualTo("again");
        context.close();

        Message back = owner.createConsumer(queue).receive(WAIT);
        assertThat(back.getBody(String.class)).isEqualTo("again");
        assertThat(back.getJMSRedelivered()).isTrue();
    }

    @Test
    void aTransactedContextSendsOnCommit() {
        JMSContext transacted = context(JMSContext.SESSION_TRANSACTED);
        JMSContext watcher = context();
        Queue queue = transacted.createQueue("tx-send");
        JMSConsumer watching = watcher.createConsumer(queue);

        transacted.createProducer().send(queue, "held");
        assertThat(watching.receive(1_500)).isNull();
        transacted.commit();
        assertThat(watching.receiveBody(String.class, WAIT)).isEqualTo("held");

        transacted.createProducer().send(queue, "rolled back");
        transacted.rollback();
        transacted.createProducer().send(queue, "dropped on close");
        transacted.close();
        assertThat(watching.receive(1_500)).isNull();
    }

    @Test
    void aTransactedContextRedeliversWhatItConsumedOnRollback() throws Exception {
        JMSContext transacted = context(JMSContext.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("tx-receive");
        context().createProducer().send(queue, "consumed");
        JMSConsumer consumer = transacted.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, WAIT)).isEqualTo("consumed");

        transacted.rollback();
        Message again = consumer.receive(WAIT);
        assertThat(again.getBody(String.class)).isEqualTo("consumed");
        assertThat(again.getJMSRedelivered()).isTrue();
        transacted.commit();
        assertThat(consumer.receive(1_500)).isNull();
    }

    @Test
    void commitReturnsOnceTheCompletionListenersHaveAndTheyMayNotCommit() {
        JMSContext transacted = context(JMSContext.SESSION_TRANSACTED);
        Queue queue = transacted.createQueue("tx-async");
        List<String> events = new CopyOnWriteArrayList<>();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                events.add("completed");
                try {
                    transacted.commit();
                } catch (IllegalStateRuntimeException e) {
                    events.add("commit refused");
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                events.add("failed: " + exception);
            }
        };
        transacted.createProducer().setAsync(listener).send(queue, "async in a transaction");
        assertThat(events).isEmpty();

        transacted.commit();
        assertThat(events).containsExactly("completed", "commit refused");
        assertThat(context().createConsumer(queue).receiveBody(String.class, WAIT)).isEqualTo("async in a transaction");
    }

    @Test
    void errorsAreTheRuntimeTwinsOfTheClassicExceptions() {
        JMSContext auto = context();
        assertThatThrownBy(auto::commit).isInstanceOf(IllegalStateRuntimeException.class)
                .hasCauseInstanceOf(jakarta.jms.IllegalStateException.class);
        assertThatThrownBy(auto::rollback).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> context(JMSContext.SESSION_TRANSACTED).recover())
                .isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> auto.createConsumer(null)).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> auto.createQueue("")).isInstanceOf(InvalidDestinationRuntimeException.class);

        Queue queue = auto.createQueue("listening");
        JMSConsumer consumer = auto.createConsumer(queue);
        consumer.setMessageListener(m -> { });
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
        // Acknowledge has no effect outside CLIENT_ACKNOWLEDGE.
        auto.acknowledge();
    }
}
