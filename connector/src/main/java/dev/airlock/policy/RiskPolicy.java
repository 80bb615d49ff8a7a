package dev.airlock.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies each step as ALLOW, CHECKPOINT or DENY. Every rule is evaluated and the most severe verdict wins, so
 * adding a rule can only make the policy stricter. Among rules with the same verdict, the first one is reported.
 */
public final class RiskPolicy {

    /** Accessible names of high-risk buttons and links: pay, delete, transfer, submit order, as whole words. */
    public static final Pattern HIGH_RISK_NAMES = Pattern.compile("\\b(pay|delete|transfer|submit order)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final List<RiskRule> rules;

    public RiskPolicy(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Returns the default rules. A navigation outside the allowlist is denied. A click, key press or download on an
     * element whose accessible name contains pay, delete, transfer or submit order needs an approval, and so does any
     * upload.
     */
    public static RiskPolicy defaults() {
        return new RiskPolicy(defaultRules());
    }

    static List<RiskRule> defaultRules() {
        return List.of(
                new RiskRule("navigation-outside-allowlist", Set.of("goto"), null, true, Verdict.DENY,
                        "navigation to an origin outside the task's allowlist"),
                // Pressing Enter on a button, clicking a download link and checking or selecting a control act like
                // a click, so they count too.
                new RiskRule("high-risk-click", Set.of("click", "press", "download", "check", "select"), HIGH_RISK_NAMES, false, Verdict.CHECKPOINT,
                        "click on an element named like a payment, deletion, transfer or order submission"),
                new RiskRule("upload", Set.of("upload"), null, false, Verdict.CHECKPOINT,
                        "upload of a file to a web page"));
    }

    /**
     * Reads a policy from JSON; see {@link RiskPolicyJson} for the format.
     *
     * @throws IllegalArgumentException naming the rule and field that is invalid
     */
    public static RiskPolicy fromJson(String json) {
        return RiskPolicyJson.parse(json);
    }

    public List<RiskRule> rules() {
        return rules;
    }

    /**
     * Tells whether a rule depends on the accessible name of an action's target. For other actions a caller may
     * skip reading the name from the page.
     */
    public boolean readsNames(String action) {
        return rules.stream().anyMatch(rule -> rule.accessibleName() != null
                && (rule.actions().isEmpty() || rule.actions().contains(action)));
    }

    /** Decides one step. */
    public Decision decide(ProposedAction action) {
        RiskRule winner = null;
        for (RiskRule rule : rules) {
            if (rule.matches(action) && (winner == null || rule.verdict().compareTo(winner.verdict()) > 0)) {
                winner = rule;
            }
        }
        if (winner == null) {
            return new Decision(Verdict.ALLOW, "default", "no rule matched");
        }
        return new Decision(winner.verdict(), winner.name(), winner.reason());
    }

    /** Returns a policy with these rules added after the current ones. */
    public RiskPolicy with(List<RiskRule> moreRules) {
        List<RiskRule> combined = new ArrayList<>(rules);
        combined.addAll(moreRules);
        return new RiskPolicy(combined);
    }
}
