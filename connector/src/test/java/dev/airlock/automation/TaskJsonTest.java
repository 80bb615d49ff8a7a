package dev.airlock.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskJsonTest {

    static Stream<Arguments> invalidTasks() throws IOException {
        try (InputStream in = TaskJsonTest.class.getResourceAsStream("invalid-tasks.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                JsonNode task = entry.get("task");
                cases.add(Arguments.of(entry.get("case").asText(), task.isTextual() ? task.asText() : task.toString(),
                        entry.get("message").asText()));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTasks")
    void invalidTaskNamesTheField(String name, String json, String message) {
        assertThatThrownBy(() -> TaskJson.parse(json))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void tooManyStepsAreRejected() {
        String step = "{\"action\": \"goto\", \"url\": \"/a\"}";
        String steps = String.join(",", java.util.Collections.nCopies(TaskJson.MAX_STEPS + 1, step));
        String json = "{\"startUrl\": \"http://127.0.0.1:1/\", \"allowedOrigins\": [\"http://127.0.0.1:1\"], \"steps\": ["
                + steps + "]}";

        assertThatThrownBy(() -> TaskJson.parse(json))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageStartingWith("steps: 1001 steps, more than the 1000");
    }

    @Test
    void parsesEveryActionAndTargetKind() {
        BrowserTask task = TaskJson.parse("""
                {"taskId": "all", "startUrl": "http://127.0.0.1:8080/login", "allowedOrigins": ["http://127.0.0.1:8080"],
                 "totalTimeout": "PT2M", "credentials": {"password": "s3cret"}, "identityId": "agent-1",
                 "evidence": {"video": true},
                 "steps": [
                   {"action": "goto", "url": "/login", "timeout": "PT5S"},
                   {"action": "fill", "target": {"label": "Password"}, "value": {"secret": "password"}},
                   {"action": "click", "target": {"role": "button", "name": "Log in", "exact": true}},
                   {"action": "select", "target": {"css": "select#currency"}, "value": "EUR"},
                   {"action": "check", "target": {"label": "Remember me"}, "checked": false},
                   {"action": "press", "key": "Enter"},
                   {"action": "waitFor", "url": "**/invoices"},
                   {"action": "extract", "target": {"testId": "invoice-total"}, "output": "total"},
                   {"action": "extract", "target": {"text": "Download PDF"}, "output": "pdfLink", "attribute": "href"},
                   {"action": "screenshot", "name": "invoice", "fullPage": true},
                   {"action": "download", "target": {"role": "link", "name": "Download PDF"}, "output": "pdf"},
                   {"action": "upload", "target": {"label": "Receipt"}, "input": "receipt"},
                   {"action": "assertVisible", "target": {"text": "Paid"}}
                 ]}
                """);

        assertThat(task.steps()).hasSize(13);
        assertThat(task.steps().get(0)).isEqualTo(new Step.Goto("/login", Duration.ofSeconds(5)));
        assertThat(task.steps().get(1)).isEqualTo(new Step.Fill(Target.label("Password"), new InputValue.Secret("password"), null));
        assertThat(task.steps().get(2).target()).isEqualTo(new Target("button", "Log in", true, null, null, null, null));
        assertThat(task.steps().get(4)).isEqualTo(new Step.Check(Target.label("Remember me"), false, null));
        assertThat(task.steps().get(5)).isEqualTo(new Step.Press(null, "Enter", null));
        assertThat(task.steps().get(8)).isEqualTo(new Step.Extract(Target.text("Download PDF"), "pdfLink", "href", null));
        assertThat(task.totalTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(task.evidence()).isEqualTo(new EvidenceOptions(true, true, true));
    }

    @Test
    void toStringLeavesOutSecretsAndTypedValues() {
        BrowserTask task = TaskJson.parse("""
                {"startUrl": "http://127.0.0.1:8080/", "allowedOrigins": ["http://127.0.0.1:8080"],
                 "credentials": {"password": "s3cret-value"},
                 "steps": [{"action": "fill", "target": {"label": "Name"}, "value": "typed-value"}]}
                """);

        assertThat(task.toString()).doesNotContain("s3cret-value").contains("credentials=[password]");
        assertThat(task.steps().get(0).toString()).doesNotContain("typed-value");
    }

    @Test
    void parseStepsReadsAnArray() {
        List<Step> steps = TaskJson.parseSteps("[{\"action\": \"click\", \"target\": {\"testId\": \"pay\"}}]");

        assertThat(steps).containsExactly(new Step.Click(Target.testId("pay"), null));
    }
}
