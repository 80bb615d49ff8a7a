package dev.airlock.policy;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of a {@link RiskPolicy}. Every condition that is set must hold for the rule to match.
 *
 * @param name rule name, recorded with each decision
 * @param actions step actions the rule applies to; empty means every action
 * @param accessibleName pattern searched for (not matched in full) in the target's accessible name, or null
 * @param outsideAllowlist when true, the rule matches only navigations to origins outside the allowlist
 * @param verdict what the rule decides
 * @param reason why, in words a reviewer can read
 */
public record RiskRule(String name, Set<String> actions, Pattern accessibleName, boolean outsideAllowlist,
        Verdict verdict, String reason) {

    public RiskRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        reason = reason == null ? name : reason;
    }

    boolean matches(ProposedAction action) {
        if (!actions.isEmpty() && !actions.contains(action.action())) {
            return false;
        }
        if (accessibleName != null && (action.targetName() == null || !accessibleName.matcher(action.targetName()).find())) {
            return false;
        }
        return !outsideAllowlist || action.navigationUrl() != null && !action.navigationAllowed();
    }
}
