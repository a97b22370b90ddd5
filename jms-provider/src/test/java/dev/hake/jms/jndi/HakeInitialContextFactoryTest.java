package dev.hake.jms.jndi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hake.jms.HakeConnectionFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import java.util.Hashtable;
import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import org.junit.jupiter.api.Test;

class HakeInitialContextFactoryTest {

    private static Context context(String... keyValues) throws Exception {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, HakeInitialContextFactory.class.getName());
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return new InitialContext(env);
    }

    @Test
    void bindsDefaultFactoriesToTheProviderUrl() throws Exception {
        Context ctx = context(Context.PROVIDER_URL, "hake:?region=eu-west-1&prefix=prod-");
        ConnectionFactory cf = (ConnectionFactory) ctx.lookup("ConnectionFactory");
        assertThat(((HakeConnectionFactory) cf).settings().prefix()).isEqualTo("prod-");
        assertThat(ctx.lookup("QueueConnectionFactory")).isInstanceOf(QueueConnectionFactory.class);
        assertThat(ctx.lookup("TopicConnectionFactory")).isInstanceOf(TopicConnectionFactory.class);
    }

    @Test
    void bindsNamedFactoriesQueuesAndTopics() throws Exception {
        Context ctx = context("connectionFactory.Billing", "hake:?clientId=billing",
                "queue.Orders", "orders", "topic.Events", "events");
        assertThat(((HakeConnectionFactory) ctx.lookup("Billing")).settings().clientId()).contains("billing");
        assertThat(((Queue) ctx.lookup("Orders")).getQueueName()).isEqualTo("orders");
        assertThat(((Topic) ctx.lookup("Events")).getTopicName()).isEqualTo("events");
    }

    @Test
    void missingNamesAndWritesAreClearErrors() throws Exception {
        Context ctx = context("queue.Orders", "orders");
        assertThatThrownBy(() -> ctx.lookup("Nope")).isInstanceOf(NameNotFoundException.class)
                .hasMessageContaining("'Nope'").hasMessageContaining("Orders");
        assertThatThrownBy(() -> ctx.bind("x", "y")).isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void badUriNamesTheProperty() {
        assertThatThrownBy(() -> context("connectionFactory.Bad", "hake:?colour=blue"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connectionFactory.Bad").hasMessageContaining("'colour'");
    }
}
