package dev.hake.core.receive;

/** What {@link PollPolicy} tells the poller to do next. */
sealed interface PollDecision {

    /** Nothing to do: nobody wants messages, the buffer is full, or a poll or pause is under way. */
    PollDecision NOTHING = new Nothing();

    record Nothing() implements PollDecision {
    }

    /** Send one ReceiveMessage for up to {@code maxMessages}, waiting up to {@code waitSeconds} for them. */
    record Poll(int maxMessages, int waitSeconds) implements PollDecision {
    }

    /** Poll no more for {@code millis}, then ask again. */
    record Pause(long millis) implements PollDecision {
    }
}
