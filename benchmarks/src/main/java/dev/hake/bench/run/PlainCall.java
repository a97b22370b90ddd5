package dev.hake.bench.run;

/** The three calls of plain JMS that the plain-calls scenario times one by one. */
public enum PlainCall {

    /** A synchronous {@code producer.send} to a queue no one consumes. */
    SEND("sync send"),
    /** {@code consumer.receive(timeout)} on a queue with a backlog: most are answered from the prefetch buffer. */
    RECEIVE("receive"),
    /** An AUTO_ACKNOWLEDGE MessageListener on a backlog: the gap from one onMessage call's start to the next's. */
    LISTENER("listener call");

    private final String label;

    PlainCall(String label) {
        this.label = label;
    }

    /** The name in the report. */
    public String label() {
        return label;
    }
}
