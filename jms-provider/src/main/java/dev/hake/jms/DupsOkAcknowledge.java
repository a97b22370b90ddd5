package dev.hake.jms;

import jakarta.jms.Session;

/**
 * DUPS_OK_ACKNOWLEDGE acknowledges as AUTO_ACKNOWLEDGE does. JMS lets this mode acknowledge lazily
 * to save work, but core's acknowledger already batches deletes in the background, so being lazy
 * would save nothing and only deliver more duplicates after a failure.
 */
final class DupsOkAcknowledge extends AutoAcknowledge {

    DupsOkAcknowledge(ConsumedMessages consumed) {
        super(consumed);
    }

    @Override
    public int sessionMode() {
        return Session.DUPS_OK_ACKNOWLEDGE;
    }
}
