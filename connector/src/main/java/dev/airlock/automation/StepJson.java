package dev.airlock.automation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one step object of task JSON, naming the step index and field in every error. */
final class StepJson {

    static final List<String> ACTIONS = List.of("goto", "click", "fill", "select", "check", "press", "waitFor",
            "extract", "screenshot", "download", "upload", "assertVisible");

    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("goto", Set.of("url")),
            Map.entry("click", Set.of("target")),
            Map.entry("fill", Set.of("target", "value")),
            Map.entry("select", Set.of("target", "value")),
            Map.entry("check", Set.of("target", "checked")),
            Map.entry("press", Set.of("target", "key")),
            Map.entry("waitFor", Set.of("target", "url", "text")),
            Map.entry("extract", Set.of("target", "output", "attribute")),
            Map.entry("screenshot", Set.of("name", "fullPage")),
            Map.entry("download", Set.of("target", "output")),
            Map.entry("upload", Set.of("target", "input")),
            Map.entry("assertVisible", Set.of("target")));
    private static final Set<String> TARGET_KINDS = Set.of("role", "label", "text", "testId", "css");
    private static final String TARGET_HINT = "give one of role, label, text, testId, css";

    private StepJson() {
    }

    static Step parse(String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidTaskException(path + ": expected a step object such as {\"action\": \"click\", \"target\": {...}}");
        }
        String action = text(path, node, "action", true);
        if (!ACTIONS.contains(action)) {
            throw new InvalidTaskException(path + ".action: unknown action '" + action + "'; use one of " + String.join(", ", ACTIONS));
        }
        checkFields(path, node, action);
        Duration timeout = duration(path + ".timeout", node.get("timeout"));
        return switch (action) {
            case "goto" -> new Step.Goto(text(path, node, "url", true), timeout);
            case "click" -> new Step.Click(target(path, node, true), timeout);
            case "fill" -> new Step.Fill(target(path, node, true), value(path, node), timeout);
            case "select" -> new Step.Select(target(path, node, true), value(path, node), timeout);
            case "check" -> new Step.Check(target(path, node, true), !node.has("checked") || bool(path, node, "checked"), timeout);
            case "press" -> new Step.Press(target(path, node, false), text(path, node, "key", true), timeout);
            case "waitFor" -> waitFor(path, node, timeout);
            case "extract" -> new Step.Extract(target(path, node, true), name(path, node, "output"), text(path, node, "attribute", false), timeout);
            case "screenshot" -> new Step.Screenshot(name(path, node, "name"), node.has("fullPage") && bool(path, node, "fullPage"), timeout);
            case "download" -> new Step.Download(target(path, node, true), name(path, node, "output"), timeout);
            case "upload" -> new Step.Upload(target(path, node, true), text(path, node, "input", true), timeout);
            default -> new Step.AssertVisible(target(path, node, true), timeout);
        };
    }

    private static Step waitFor(String path, JsonNode node, Duration timeout) {
        Target target = target(path, node, false);
        String url = text(path, node, "url", false);
        String text = text(path, node, "text", false);
        int given = (target == null ? 0 : 1) + (url == null ? 0 : 1) + (text == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidTaskException(path + ": a waitFor step needs exactly one of target, url (a glob such as"
                    + " \"**/invoices\") and text; it has " + given);
        }
        return new Step.WaitFor(target, url, text, timeout);
    }

    private static void checkFields(String path, JsonNode node, String action) {
        Set<String> allowed = FIELDS.get(action);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("action") && !field.equals("timeout") && !allowed.contains(field)) {
                throw new InvalidTaskException(path + "." + field + ": unknown field for a " + action + " step; it takes "
                        + String.join(", ", allowed.stream().sorted().toList()) + " and timeout");
            }
        }
    }

    static Target target(String path, JsonNode node, boolean required) {
        JsonNode target = node.get("target");
        if (target == null || target.isNull()) {
            if (required) {
                throw new InvalidTaskException(path + ".target: missing; " + TARGET_HINT);
            }
            return null;
        }
        String targetPath = path + ".target";
        if (!target.isObject()) {
            throw new InvalidTaskException(targetPath + ": expected an object such as {\"role\": \"button\", \"name\": \"Pay\"}; " + TARGET_HINT);
        }
        for (Iterator<String> names = target.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!TARGET_KINDS.contains(field) && !field.equals("name") && !field.equals("exact")) {
                throw new InvalidTaskException(targetPath + "." + field + ": unknown field; " + TARGET_HINT + ", plus name and exact for a role");
            }
        }
        long kinds = TARGET_KINDS.stream().filter(target::has).count();
        if (kinds != 1) {
            throw new InvalidTaskException(targetPath + ": " + (kinds == 0 ? "missing; " : "has " + kinds + " locators; ") + TARGET_HINT);
        }
        String role = text(targetPath, target, "role", false);
        if (role != null && Target.ariaRole(role) == null) {
            throw new InvalidTaskException(targetPath + ".role: unknown ARIA role '" + role + "'; use a role such as button, link, textbox or checkbox");
        }
        if (target.has("name") && role == null) {
            throw new InvalidTaskException(targetPath + ".name: only valid together with role");
        }
        boolean exact = target.has("exact") && bool(targetPath, target, "exact");
        return new Target(role, text(targetPath, target, "name", false), exact, text(targetPath, target, "label", false),
                text(targetPath, target, "text", false), text(targetPath, target, "testId", false), text(targetPath, target, "css", false));
    }

    private static InputValue value(String path, JsonNode node) {
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            throw new InvalidTaskException(path + ".value: missing; give a string or {\"secret\": \"name\"}");
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return new InputValue.Literal(value.asText());
        }
        if (value.isObject() && value.size() == 1 && value.path("secret").isTextual() && !value.get("secret").asText().isBlank()) {
            return new InputValue.Secret(value.get("secret").asText());
        }
        throw new InvalidTaskException(path + ".value: expected a string or {\"secret\": \"name\"}");
    }

    static String text(String path, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidTaskException(path + "." + field + ": missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidTaskException(path + "." + field + ": expected a non-empty string");
        }
        return value.asText();
    }

    private static String name(String path, JsonNode node, String field) {
        String name = text(path, node, field, true);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new InvalidTaskException(path + "." + field + ": '" + name + "' is invalid; use 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static boolean bool(String path, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw new InvalidTaskException(path + "." + field + ": expected true or false");
        }
        return value.asBoolean();
    }

    static Duration duration(String path, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value.asText());
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidTaskException(path + ": must be positive, for example \"PT30S\"");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new InvalidTaskException(path + ": '" + value.asText() + "' is not an ISO-8601 duration; write for example \"PT30S\" or \"PT2M\"");
        }
    }
}
