package dev.airlock.automation;

import dev.airlock.egress.InvalidOriginException;
import dev.airlock.egress.OriginAllowlist;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks what task JSON alone cannot: references between fields, files and the allowlist. */
final class TaskValidator {

    private TaskValidator() {
    }

    /** Returns the task's allowlist after checking the whole task; throws {@link InvalidTaskException} otherwise. */
    static OriginAllowlist validate(BrowserTask task) {
        OriginAllowlist allowlist;
        try {
            allowlist = OriginAllowlist.parse(task.allowedOrigins());
        } catch (InvalidOriginException e) {
            throw new InvalidTaskException("allowedOrigins[" + e.index() + "]: " + e.getMessage(), e);
        }
        if (task.allowedOrigins().isEmpty()) {
            throw new InvalidTaskException("allowedOrigins: empty; list at least the origin of the start URL");
        }
        if (task.identityId() == null || task.identityId().isBlank()) {
            throw new InvalidTaskException("identityId: missing; name the agent identity the task runs as, because"
                    + " the evidence records who acted");
        }
        checkStartUrl(task, allowlist);
        if (task.steps().isEmpty()) {
            throw new InvalidTaskException("steps: missing or empty; give at least one step");
        }
        List<Step> steps = task.steps();
        for (int i = 0; i < steps.size(); i++) {
            checkStep("steps[" + i + "]", steps.get(i), task);
        }
        return allowlist;
    }

    private static void checkStartUrl(BrowserTask task, OriginAllowlist allowlist) {
        String url = task.startUrl();
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new InvalidTaskException("startUrl: '" + url + "' is not an absolute http or https URL");
        }
        if (!allowlist.allows(url)) {
            throw new InvalidTaskException("startUrl: '" + url + "' is outside allowedOrigins " + allowlist.entries()
                    + "; add its origin (" + uri.getScheme() + "://" + uri.getRawAuthority() + ") to allowedOrigins");
        }
    }

    private static void checkStep(String path, Step step, BrowserTask task) {
        switch (step) {
            case Step.Fill fill -> checkValue(path, fill.value(), task);
            case Step.Select select -> checkValue(path, select.value(), task);
            case Step.Upload upload -> checkInput(path, upload.input(), task);
            case Step.Screenshot shot when shot.name().matches("step-\\d+-.*") -> throw new InvalidTaskException(path
                    + ".name: '" + shot.name() + "' is reserved for the runner's own screenshots; choose another name");
            default -> {
            }
        }
    }

    private static void checkValue(String path, InputValue value, BrowserTask task) {
        if (value instanceof InputValue.Secret secret && !task.credentials().containsKey(secret.name())) {
            throw new InvalidTaskException(path + ".value: credential '" + secret.name() + "' is missing; the task has "
                    + (task.credentials().isEmpty() ? "no credentials" : "credentials " + task.credentials().keySet()));
        }
    }

    private static void checkInput(String path, String input, BrowserTask task) {
        Path file = task.inputFiles().get(input);
        if (file == null) {
            throw new InvalidTaskException(path + ".input: '" + input + "' is not declared in inputFiles " + task.inputFiles().keySet());
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidTaskException(path + ".input: file " + file + " of input '" + input + "' is missing or not readable");
        }
    }
}
