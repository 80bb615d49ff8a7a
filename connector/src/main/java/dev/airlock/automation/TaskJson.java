package dev.airlock.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.egress.InvalidOriginException;
import dev.airlock.egress.OriginAllowlist;
import dev.airlock.policy.Approval;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads browser tasks from JSON, in the format documented in {@code docs/task-format.md}. Everything is checked here,
 * before any browser starts; an error names the field, for example {@code steps[2].target: missing}.
 */
public final class TaskJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TASK_FIELDS = Set.of("taskId", "startUrl", "allowedOrigins", "steps", "totalTimeout",
            "inputFiles", "approvals", "credentials", "evidence", "identityId", "identityOwner");

    private TaskJson() {
    }

    /** Parses a whole task. */
    public static BrowserTask parse(String json) {
        JsonNode root = read(json);
        if (!root.isObject()) {
            throw new InvalidTaskException("task: expected a JSON object with startUrl, allowedOrigins and steps");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!TASK_FIELDS.contains(field)) {
                throw new InvalidTaskException(field + ": unknown field; a task takes " + String.join(", ", TASK_FIELDS.stream().sorted().toList()));
            }
        }
        String taskId = root.hasNonNull("taskId") ? StepJson.text("task", root, "taskId", true) : "task";
        List<String> origins = strings("allowedOrigins", root.get("allowedOrigins"));
        try {
            OriginAllowlist.parse(origins);
        } catch (InvalidOriginException e) {
            throw new InvalidTaskException("allowedOrigins[" + e.index() + "]: " + e.getMessage(), e);
        }
        return new BrowserTask(taskId, StepJson.text("task", root, "startUrl", true).trim(), origins,
                steps(root.get("steps")), StepJson.duration("totalTimeout", root.get("totalTimeout")),
                inputFiles(root.get("inputFiles")), approvals(root.get("approvals")), stringMap("credentials", root.get("credentials")),
                evidence(root.get("evidence")), optionalText(root, "identityId"), optionalText(root, "identityOwner"));
    }

    /** Parses a JSON array of steps. */
    public static List<Step> parseSteps(String json) {
        return steps(read(json));
    }

    private static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidTaskException("task: empty input; expected a JSON document");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidTaskException("task: malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static List<Step> steps(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidTaskException("steps: missing or empty; give an array of step objects");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            steps.add(StepJson.parse("steps[" + i + "]", node.get(i)));
        }
        return steps;
    }

    private static List<String> strings(String path, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidTaskException(path + ": missing; give an array such as [\"https://portal.example.com\"]");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidTaskException(path + "[" + i + "]: expected a string");
            }
            values.add(node.get(i).asText());
        }
        return values;
    }

    private static Map<String, String> stringMap(String path, JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new InvalidTaskException(path + ": expected an object of names to strings");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                // The value is not shown: for credentials it may be a secret.
                throw new InvalidTaskException(path + "." + field.getKey() + ": expected a string");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }

    private static Map<String, Path> inputFiles(JsonNode node) {
        Map<String, Path> files = new LinkedHashMap<>();
        stringMap("inputFiles", node).forEach((name, file) -> files.put(name, Path.of(file)));
        return files;
    }

    private static EvidenceOptions evidence(JsonNode node) {
        if (node == null || node.isNull()) {
            return EvidenceOptions.defaults();
        }
        EvidenceOptions defaults = EvidenceOptions.defaults();
        return new EvidenceOptions(node.path("screenshots").asBoolean(defaults.screenshots()),
                node.path("trace").asBoolean(defaults.trace()), node.path("video").asBoolean(defaults.video()));
    }

    private static List<Approval> approvals(JsonNode node) {
        List<Approval> approvals = new ArrayList<>();
        if (node == null || node.isNull()) {
            return approvals;
        }
        if (!node.isArray()) {
            throw new InvalidTaskException("approvals: expected an array of signed approvals");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "approvals[" + i + "]";
            JsonNode approval = node.get(i);
            approvals.add(new Approval(optionalText(approval, "processInstanceKey"), StepJson.text(path, approval, "fingerprint", true),
                    StepJson.text(path, approval, "decision", true), StepJson.text(path, approval, "approver", true),
                    instant(path + ".decidedAt", approval.get("decidedAt")), instant(path + ".expiresAt", approval.get("expiresAt")),
                    StepJson.text(path, approval, "keyId", true), StepJson.text(path, approval, "signature", true)));
        }
        return approvals;
    }

    private static Instant instant(String path, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new InvalidTaskException(path + ": missing; give an ISO-8601 instant such as \"2026-12-04T10:15:30Z\"");
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidTaskException(path + ": '" + node.asText() + "' is not an ISO-8601 instant such as \"2026-12-04T10:15:30Z\"");
        }
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
