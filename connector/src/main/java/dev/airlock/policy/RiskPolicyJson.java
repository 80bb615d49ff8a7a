package dev.airlock.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a risk policy from JSON:
 *
 * <pre>{@code
 * {"includeDefaults": true,
 *  "rules": [{"name": "approve-invoice", "actions": ["click"], "accessibleName": "approve",
 *             "verdict": "CHECKPOINT", "reason": "approving an invoice"}]}
 * }</pre>
 *
 * {@code includeDefaults} (default true) keeps the default rules; {@code accessibleName} is a regular expression
 * searched for case-insensitively; {@code outsideAllowlist} (default false) restricts a rule to navigations outside
 * the allowlist.
 */
final class RiskPolicyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RiskPolicyJson() {
    }

    static RiskPolicy parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy: invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("policy: expected a JSON object with a \"rules\" array");
        }
        List<RiskRule> rules = new ArrayList<>();
        if (root.path("includeDefaults").asBoolean(true)) {
            rules.addAll(RiskPolicy.defaultRules());
        }
        JsonNode ruleNodes = root.path("rules");
        if (!ruleNodes.isMissingNode() && !ruleNodes.isArray()) {
            throw new IllegalArgumentException("policy.rules: expected an array of rule objects");
        }
        for (int i = 0; i < ruleNodes.size(); i++) {
            rules.add(parseRule("policy.rules[" + i + "]", ruleNodes.get(i)));
        }
        return new RiskPolicy(rules);
    }

    private static RiskRule parseRule(String path, JsonNode node) {
        String name = requiredText(path, node, "name");
        String verdictText = requiredText(path, node, "verdict");
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(verdictText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".verdict: '" + verdictText + "' is invalid; use ALLOW, CHECKPOINT or DENY");
        }
        Set<String> actions = new LinkedHashSet<>();
        for (JsonNode action : node.path("actions")) {
            actions.add(action.asText());
        }
        Pattern accessibleName = null;
        if (node.hasNonNull("accessibleName")) {
            try {
                accessibleName = Pattern.compile(node.get("accessibleName").asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(path + ".accessibleName: invalid regular expression: " + e.getDescription());
            }
        }
        boolean outsideAllowlist = node.path("outsideAllowlist").asBoolean(false);
        String reason = node.hasNonNull("reason") ? node.get("reason").asText() : name;
        return new RiskRule(name, actions, accessibleName, outsideAllowlist, verdict, reason);
    }

    private static String requiredText(String path, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(path + "." + field + ": missing; give a non-empty string");
        }
        return value.asText();
    }
}
