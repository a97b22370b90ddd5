package dev.hake.ra;

import jakarta.jms.Queue;

/** A queue as an administered object; see {@link AdministeredDestination}. */
public class AdministeredQueue extends AdministeredDestination implements Queue {

    private static final long serialVersionUID = 1L;

    @Override
    public String getQueueName() {
        return getName();
    }

    @Override
    String kind() {
        return "queue";
    }
}
