package dev.hake.core.receive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeldMessagesTest {

    private static final long THIRTY_SECONDS = TimeUnit.SECONDS.toNanos(30);

    private final AtomicLong now = new AtomicLong(1_000);
    private final HeldMessages held = new HeldMessages(now::get);

    private ReceivedMessage received(String sqsId, String handle) {
        return new ReceivedMessage(null, "queue", handle, sqsId, now.get() + THIRTY_SECONDS);
    }

    @Test
    void aSecondCopyWhileTheFirstIsHiddenIsNotDeliveredAndItsHandleIsUsedForTheDelete() {
        ReceivedMessage first = received("m1", "handle-1");
        assertThat(held.hold(first)).isTrue();

        assertThat(held.hold(received("m1", "handle-2"))).isFalse();

        assertThat(held.receiptHandle(first)).isEqualTo("handle-2");
        assertThat(held.letGo(first)).isEqualTo("handle-2");
    }

    @Test
    void aCopyAfterTheFirstOnesVisibilityRanOutIsARedelivery() {
        assertThat(held.hold(received("m1", "handle-1"))).isTrue();
        now.addAndGet(THIRTY_SECONDS + 1);

        ReceivedMessage again = received("m1", "handle-2");

        assertThat(held.hold(again)).isTrue();
        assertThat(held.receiptHandle(again)).isEqualTo("handle-2");
    }

    @Test
    void aMessageLetGoIsDeliveredWhenItComesBack() {
        assertThat(held.hold(received("m1", "handle-1"))).isTrue();
        held.letGo(received("m1", "handle-1"));

        assertThat(held.hold(received("m1", "handle-2"))).isTrue();
    }

    @Test
    void anExtendedVisibilityStillMakesLaterCopiesDuplicates() {
        assertThat(held.hold(received("m1", "handle-1"))).isTrue();
        held.extend("m1", now.get() + 2 * THIRTY_SECONDS);
        now.addAndGet(THIRTY_SECONDS + 1);

        assertThat(held.hold(received("m1", "handle-2"))).isFalse();
    }

    @Test
    void otherMessagesAreUnaffected() {
        assertThat(held.hold(received("m1", "handle-1"))).isTrue();

        assertThat(held.hold(received("m2", "handle-2"))).isTrue();
        assertThat(held.receiptHandle(received("m3", "handle-3"))).isEqualTo("handle-3");
    }
}
