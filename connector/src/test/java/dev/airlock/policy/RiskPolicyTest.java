package dev.airlock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskPolicyTest {

    private static final String PAGE = "http://127.0.0.1:8080/invoices/INV-1001";

    private static ProposedAction click(String role, String name) {
        return new ProposedAction(3, "click", PAGE, role, name, null, true, null);
    }

    @ParameterizedTest(name = "click on {0} ''{1}'' is {2}")
    @CsvSource({
            "button, Pay, CHECKPOINT",
            "button, Pay now, CHECKPOINT",
            "link, Delete invoice, CHECKPOINT",
            "button, TRANSFER funds, CHECKPOINT",
            "button, Submit order, CHECKPOINT",
            "link, Payment history, ALLOW",
            "button, Log in, ALLOW",
            "link, Download PDF, ALLOW"
    })
    void defaultRulesClassifyClicksByAccessibleName(String role, String name, Verdict expected) {
        assertThat(RiskPolicy.defaults().decide(click(role, name)).verdict()).isEqualTo(expected);
    }

    @Test
    void enterOnPayButtonNeedsACheckpoint() {
        ProposedAction press = new ProposedAction(2, "press", PAGE, "button", "Pay", null, true, "sha256:ab");

        assertThat(RiskPolicy.defaults().decide(press).rule()).isEqualTo("high-risk-click");
    }

    @Test
    void anyUploadNeedsACheckpoint() {
        ProposedAction upload = new ProposedAction(1, "upload", PAGE, "button", "Choose file", null, true, "sha256:ab");

        Decision decision = RiskPolicy.defaults().decide(upload);

        assertThat(decision.verdict()).isEqualTo(Verdict.CHECKPOINT);
        assertThat(decision.rule()).isEqualTo("upload");
    }

    @Test
    void navigationOutsideTheAllowlistIsDenied() {
        ProposedAction outside = new ProposedAction(0, "goto", PAGE, null, null, "http://127.0.0.2:9/", false, null);
        ProposedAction inside = new ProposedAction(0, "goto", PAGE, null, null, "http://127.0.0.1:8080/x", true, null);

        assertThat(RiskPolicy.defaults().decide(outside).verdict()).isEqualTo(Verdict.DENY);
        assertThat(RiskPolicy.defaults().decide(inside).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void configuredRuleAddsToTheDefaults() {
        RiskPolicy policy = RiskPolicy.fromJson("""
                {"rules": [{"name": "approve-invoice", "actions": ["click"], "accessibleName": "^approve",
                            "verdict": "DENY", "reason": "approving is for people"}]}
                """);

        assertThat(policy.decide(click("button", "Approve invoice")))
                .isEqualTo(new Decision(Verdict.DENY, "approve-invoice", "approving is for people"));
        assertThat(policy.decide(click("button", "Pay")).verdict()).isEqualTo(Verdict.CHECKPOINT);
    }

    @Test
    void mostSevereMatchingRuleWins() {
        RiskPolicy policy = RiskPolicy.fromJson("""
                {"rules": [{"name": "no-payments", "actions": ["click"], "accessibleName": "pay", "verdict": "DENY"}]}
                """);

        assertThat(policy.decide(click("button", "Pay")).rule()).isEqualTo("no-payments");
    }

    @Test
    void defaultsCanBeLeftOut() {
        RiskPolicy policy = RiskPolicy.fromJson("{\"includeDefaults\": false, \"rules\": []}");

        assertThat(policy.decide(click("button", "Pay")).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void namesAreReadOnlyForActionsWithNameRules() {
        RiskPolicy defaults = RiskPolicy.defaults();
        RiskPolicy everyAction = RiskPolicy.fromJson("{\"rules\": [{\"name\": \"x\", \"accessibleName\": \"secret\", \"verdict\": \"DENY\"}]}");

        assertThat(defaults.readsNames("click")).isTrue();
        assertThat(defaults.readsNames("press")).isTrue();
        assertThat(defaults.readsNames("extract")).isFalse();
        assertThat(everyAction.readsNames("extract")).isTrue();
    }

    @Test
    void invalidRuleNamesItsField() {
        assertThatThrownBy(() -> RiskPolicy.fromJson("{\"rules\": [{\"name\": \"x\", \"verdict\": \"MAYBE\"}]}"))
                .hasMessage("policy.rules[0].verdict: 'MAYBE' is invalid; use ALLOW, CHECKPOINT or DENY");
        assertThatThrownBy(() -> RiskPolicy.fromJson("{\"rules\": [{\"verdict\": \"DENY\"}]}"))
                .hasMessage("policy.rules[0].name: missing; give a non-empty string");
        assertThatThrownBy(() -> RiskPolicy.fromJson("{\"rules\": [{\"name\": \"x\", \"verdict\": \"DENY\", \"accessibleName\": \"(\"}]}"))
                .hasMessageStartingWith("policy.rules[0].accessibleName: invalid regular expression");
    }

    @Test
    void fingerprintChangesWithEachPart() {
        String base = ActionFingerprint.of(click("button", "Pay"));

        assertThat(ActionFingerprint.of(click("button", "Pay"))).isEqualTo(base).hasSize(64);
        assertThat(ActionFingerprint.of(click("link", "Pay"))).isNotEqualTo(base);
        assertThat(ActionFingerprint.of(click("button", "Pay now"))).isNotEqualTo(base);
        assertThat(ActionFingerprint.of(new ProposedAction(4, "click", PAGE, "button", "Pay", null, true, null))).isNotEqualTo(base);
        assertThat(ActionFingerprint.of(new ProposedAction(3, "click", "http://127.0.0.1:8080/invoices/INV-1002", "button", "Pay", null, true, null)))
                .isNotEqualTo(base);
        assertThat(ActionFingerprint.of(new ProposedAction(3, "click", PAGE + "?session=9", "button", "Pay", null, true, null)))
                .as("the query is left out, so per-session values do not change the fingerprint")
                .isEqualTo(base);
    }
}
