package dev.hake.jms;

import jakarta.jms.IllegalStateException;

/**
 * Which destinations a session serves. A QueueSession (from createQueueSession) and a TopicSession
 * (from createTopicSession) are the classic API's one-domain sessions: the spec has each refuse
 * the other domain's methods with IllegalStateException. A session from createSession serves both.
 */
enum SessionDomain {
    QUEUES_AND_TOPICS, QUEUES, TOPICS;

    /** A method only for topics, such as createTopic or unsubscribe. */
    void checkTopicMethod(String method) throws IllegalStateException {
        if (this == QUEUES) {
            throw new IllegalStateException(method + " is not allowed on a QueueSession; use createSession"
                    + " or a TopicSession");
        }
    }

    /** A method only for queues, such as createQueue or createBrowser. */
    void checkQueueMethod(String method) throws IllegalStateException {
        if (this == TOPICS) {
            throw new IllegalStateException(method + " is not allowed on a TopicSession; use createSession"
                    + " or a QueueSession");
        }
    }
}
