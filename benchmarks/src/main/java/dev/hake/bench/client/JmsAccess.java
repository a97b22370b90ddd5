package dev.hake.bench.client;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** A JMS client's provider pointed at one trial, for JMS code the harness writes itself (the plain-calls scenario). */
public interface JmsAccess {

    /** A new connection, not started. */
    Connection connect() throws JMSException;

    /** The trial's queue {@code name}, made first where the provider does not make queues itself. */
    Queue queue(Session session, String name) throws JMSException;
}
