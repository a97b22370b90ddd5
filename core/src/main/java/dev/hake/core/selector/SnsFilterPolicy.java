package dev.hake.core.selector;

import dev.hake.core.CoreApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the SNS subscription filter policy (scope MessageAttributes) for a selector. The policy
 * is a sound over-approximation: it may pass messages the selector rejects, which the client then
 * drops, but never drops a message the selector selects. Messages with packed properties
 * ({@code hake.props}) always pass, since their properties are invisible to SNS. The policy fits
 * AWS's limits (five attribute names, 150 combinations, 256 KB), widened where needed.
 */
@CoreApi
public final class SnsFilterPolicy {

    private static final int MAX_POLICY_BYTES = 256 * 1024;

    private SnsFilterPolicy() {
    }

    /** The policy JSON, or empty when it would let every message through (then set no policy). */
    public static Optional<String> from(Selector selector) {
        Term term = PolicyLimits.fit(PolicyDerivation.whenTrue(selector.root()));
        if (term == Term.Constant.ALL) {
            return Optional.empty();
        }
        List<Map<String, List<Condition>>> branches = PolicyJson.normalForm(term);
        // Guards, not expected to trip: merging one attribute's arrays while expanding can in theory
        // outgrow the conservative count by a little, and the size is bounded only by short strings.
        // No policy at all is the sound fallback.
        if (PolicyJson.combinations(branches) > PolicyLimits.MAX_COMBINATIONS - 1) {
            return Optional.empty();
        }
        String json = PolicyJson.render(branches);
        return json.getBytes(StandardCharsets.UTF_8).length <= MAX_POLICY_BYTES ? Optional.of(json) : Optional.empty();
    }
}
