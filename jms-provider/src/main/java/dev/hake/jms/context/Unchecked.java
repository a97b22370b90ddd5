package dev.hake.jms.context;

import dev.hake.jms.JmsErrors;
import jakarta.jms.JMSException;

/** Runs a call of the classic API and turns its checked JMSException into the runtime twin, cause kept. */
final class Unchecked {

    @FunctionalInterface
    interface JmsCall<T> {
        T call() throws JMSException;
    }

    @FunctionalInterface
    interface JmsAction {
        void run() throws JMSException;
    }

    private Unchecked() {
    }

    static <T> T get(JmsCall<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        }
    }

    static void run(JmsAction action) {
        try {
            action.run();
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        }
    }
}
