package dev.hake.jms;

import jakarta.jms.JMSContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Base of the JMSContext integration tests: contexts on the test's factory, closed after each test. */
abstract class ContextIntegrationTest extends JmsIntegrationTest {

    protected static final long WAIT = 10_000;

    private final List<JMSContext> contexts = new ArrayList<>();

    protected JMSContext context() {
        return track(factory.createContext());
    }

    protected JMSContext context(int sessionMode) {
        return track(factory.createContext(sessionMode));
    }

    protected <C extends JMSContext> C track(C context) {
        contexts.add(context);
        return context;
    }

    // Runs before the base class's clean-up, which deletes what the test made in AWS.
    @AfterEach
    void closeContexts() {
        for (JMSContext c : contexts) {
            c.close();
        }
    }
}
