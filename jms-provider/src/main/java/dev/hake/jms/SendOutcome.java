package dev.hake.jms;

import java.util.List;

/**
 * What became of each message of a send or commit that did not wholly succeed, by JMSMessageID.
 * hake's exceptions from {@code send}, {@code commit} and completion listeners implement it, so an
 * application can tell what AWS stored from what it refused and from what nobody can know.
 *
 * <pre>{@code
 * } catch (JMSException e) {
 *     if (e instanceof SendOutcome outcome) {
 *         resend(outcome.notSent());        // AWS refused these: they were never stored
 *         reconcile(outcome.inDoubt());     // an answer was lost: AWS may have stored them
 *     }
 * }
 * }</pre>
 */
public interface SendOutcome {

    /** Messages AWS accepted: they stay sent, whatever else happened. */
    List<String> sent();

    /** Messages AWS refused, or that were never sent: they will not arrive. */
    List<String> notSent();

    /**
     * Messages whose request failed in a way that leaves the outcome unknown (an answer lost after
     * AWS may have applied the request): each may arrive, once or more, or not at all.
     */
    List<String> inDoubt();
}
