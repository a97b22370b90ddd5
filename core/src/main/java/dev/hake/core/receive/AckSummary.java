package dev.hake.core.receive;

import dev.hake.core.HakeException;
import dev.hake.core.OutcomeUnknownException;
import java.util.List;
import java.util.Objects;

/** Sums up the deletes of one acknowledgement (or commit) into the one failure its caller hears. */
final class AckSummary {

    private AckSummary() {
    }

    /**
     * Null if every delete was done; an {@link OutcomeUnknownException} if any is in doubt; else a
     * {@link HakeException} saying how many were not done. {@code outcomes}: one per message, null
     * where it was done.
     */
    static HakeException of(List<HakeException> outcomes) {
        List<HakeException> failures = outcomes.stream().filter(Objects::nonNull).toList();
        if (failures.isEmpty()) {
            return null;
        }
        long inDoubt = failures.stream().filter(f -> f instanceof OutcomeUnknownException).count();
        long notDone = failures.size() - inDoubt;
        int all = outcomes.size();
        HakeException first = failures.stream().filter(f -> f instanceof OutcomeUnknownException).findFirst()
                .orElse(failures.get(0));
        if (inDoubt > 0) {
            return new OutcomeUnknownException(inDoubt + " of " + all + " messages may have been acknowledged or not"
                    + (notDone > 0 ? ", and " + notDone + " were not acknowledged" : "")
                    + "; any that were not are delivered again, marked redelivered. First: " + first.getMessage(), first);
        }
        return new HakeException(notDone + " of " + all + " messages were not acknowledged and will be delivered"
                + " again, marked redelivered. First: " + first.getMessage(), first);
    }
}
