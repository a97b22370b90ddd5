package dev.hake.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Browsing shows what is on a queue and leaves it there, visible at once. */
class QueueBrowserIT extends JmsIntegrationTest {

    private static final long WAIT = 10_000;

    @Test
    void browseShowsEveryMessageAndConsumesNone() throws Exception {
        Connection c = startedConnection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("browsed");
        MessageProducer producer = session.createProducer(queue);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            sent.add("b" + i);
            producer.send(session.createTextMessage("b" + i));
        }

        QueueBrowser browser = session.createBrowser(queue);
        assertThat(browser.getQueue()).isEqualTo(queue);
        assertThat(texts(browser.getEnumeration())).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(texts(browser.getEnumeration())).as("a second enumeration sees them again")
                .containsExactlyInAnyOrderElementsOf(sent);
        browser.close();

        MessageConsumer consumer = session.createConsumer(queue);
        List<String> consumed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            TextMessage m = (TextMessage) consumer.receive(WAIT);
            assertThat(m).as("message %d still on the queue after the browse", i).isNotNull();
            assertThat(m.getJMSRedelivered()).isFalse();
            consumed.add(m.getText());
        }
        assertThat(consumed).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void browsingAnEmptyQueueEndsAtOnce() throws Exception {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        QueueBrowser browser = session.createBrowser(session.createQueue("empty-browse"));
        Enumeration<?> e = browser.getEnumeration();
        assertThat(e.hasMoreElements()).isFalse();
        assertThatThrownBy(e::nextElement).isInstanceOf(NoSuchElementException.class);
        browser.close();
        assertThatThrownBy(browser::getEnumeration).isInstanceOf(jakarta.jms.IllegalStateException.class);
    }

    private static List<String> texts(Enumeration<?> e) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Object o : Collections.list(e)) {
            texts.add(((TextMessage) (Message) o).getText());
        }
        return texts;
    }
}
