package dev.airlock.automation;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.airlock.egress.OriginAllowlist;
import dev.airlock.evidence.Digests;
import dev.airlock.policy.ProposedAction;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a step into the {@link ProposedAction} the policy decides on, by reading the target's role and accessible
 * name from the live page, and describes it in words an approver can read.
 *
 * <p>NOTE: the element is resolved again when the step runs; a page that swaps elements between the decision and the
 * action can make them differ.
 */
final class ActionResolver {

    private static final Pattern SNAPSHOT_LINE = Pattern.compile("^- ([a-zA-Z]+)(?: \"((?:[^\"\\\\]|\\\\.)*)\")?");
    private static final int MAX_NAME_LENGTH = 200;

    private final BrowserTask task;
    private final OriginAllowlist allowlist;

    ActionResolver(BrowserTask task, OriginAllowlist allowlist) {
        this.task = task;
        this.allowlist = allowlist;
    }

    /** The proposed action and its description. */
    record Resolved(ProposedAction action, String description) {
    }

    /**
     * Resolves a step on the live page.
     *
     * @param readNames whether to read the target's role and accessible name, which costs one or two round trips
     */
    Resolved resolve(int index, Step step, Page page, double timeoutMillis, boolean readNames) {
        String pageUrl = page.url();
        if (step instanceof Step.Goto go) {
            String url = absoluteUrl(go.url());
            ProposedAction action = new ProposedAction(index, "goto", pageUrl, null, null, url, allowlist.allows(url), null);
            return new Resolved(action, "Open " + url);
        }
        String role = null;
        String name = null;
        Locator element = step.target() != null && readNames ? step.target().locate(page) : null;
        if (step instanceof Step.Press && step.target() == null) {
            // A key press without a target goes to the focused element, which the policy must judge like a target.
            Locator focused = page.locator("*:focus");
            element = focused.count() == 1 ? focused : null;
        }
        if (element != null) {
            String[] roleAndName = roleAndName(element, timeoutMillis);
            role = roleAndName[0];
            name = roleAndName[1];
        }
        String valueDigest = valueDigest(step);
        ProposedAction action = new ProposedAction(index, step.action(), pageUrl, role, name, null, true, valueDigest);
        return new Resolved(action, describe(step, role, name, valueDigest, pageUrl));
    }

    /** Resolves a goto URL against the start URL, so tasks may write paths. */
    String absoluteUrl(String url) {
        try {
            return URI.create(task.startUrl()).resolve(url.trim()).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /**
     * Returns the role and accessible name of the element from Playwright's ARIA snapshot. An element without an
     * accessible name is named by its visible text, so a rule on names also catches a plain element that reads "Pay".
     */
    private static String[] roleAndName(Locator locator, double timeoutMillis) {
        String snapshot = locator.ariaSnapshot(new Locator.AriaSnapshotOptions().setTimeout(timeoutMillis));
        String role = null;
        String name = null;
        Matcher matcher = SNAPSHOT_LINE.matcher(snapshot.strip());
        if (matcher.find()) {
            role = matcher.group(1);
            name = matcher.group(2) == null ? null : matcher.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (name == null || name.isBlank()) {
            name = locator.innerText(new Locator.InnerTextOptions().setTimeout(timeoutMillis)).strip().replaceAll("\\s+", " ");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, MAX_NAME_LENGTH);
        }
        return new String[] {role, name.isEmpty() ? null : name};
    }

    private String valueDigest(Step step) {
        return switch (step) {
            case Step.Fill fill -> digest(fill.value());
            case Step.Select select -> digest(select.value());
            case Step.Check check -> "checked:" + check.checked();
            case Step.Press press -> Digests.valueDigest(press.key());
            case Step.Upload upload -> uploadDigest(upload.input());
            default -> null;
        };
    }

    private static String digest(InputValue value) {
        return switch (value) {
            case InputValue.Literal literal -> Digests.valueDigest(literal.value());
            // A digest of a short secret could be brute-forced from the journal, so only its name is used.
            case InputValue.Secret secret -> "secret:" + secret.name();
        };
    }

    private String uploadDigest(String input) {
        Path file = task.inputFiles().get(input);
        return file == null ? null : "sha256:" + Digests.sha256Hex(file);
    }

    private static String describe(Step step, String role, String name, String valueDigest, String pageUrl) {
        String element = (role == null ? "element" : role) + (name == null ? "" : " '" + name + "'");
        String where = " on " + pageUrl;
        return switch (step) {
            case Step.Click click -> "Click " + element + where;
            case Step.Fill fill -> "Fill " + element + " with " + shown(fill.value(), valueDigest) + where;
            case Step.Select select -> "Select " + shown(select.value(), valueDigest) + " in " + element + where;
            case Step.Check check -> (check.checked() ? "Check " : "Uncheck ") + element + where;
            case Step.Press press -> "Press " + press.key() + (role == null && name == null ? "" : " in " + element) + where;
            case Step.Download download -> "Download a file by clicking " + element + where;
            case Step.Upload upload -> "Upload input file '" + upload.input() + "' (" + valueDigest + ") into " + element + where;
            default -> capitalize(step.action()) + " " + element + where;
        };
    }

    private static String shown(InputValue value, String valueDigest) {
        return value instanceof InputValue.Secret secret ? "credential '" + secret.name() + "'" : "a value (" + valueDigest + ")";
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
