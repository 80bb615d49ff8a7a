package dev.airlock.automation;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Locale;

/**
 * The element a step acts on, as a Playwright locator. Exactly one of role, label, text, testId and css is set;
 * {@code name} and {@code exact} refine a role.
 *
 * @param role ARIA role, for example {@code button}
 * @param name accessible name for the role
 * @param exact whether name, label and text must match in full and with case; by default a case-insensitive
 *     substring matches
 * @param label text of the label of a form control
 * @param text visible text
 * @param testId value of the {@code data-testid} attribute
 * @param css CSS selector
 */
public record Target(String role, String name, boolean exact, String label, String text, String testId, String css) {

    public static Target role(String role, String name) {
        return new Target(role, name, false, null, null, null, null);
    }

    public static Target label(String label) {
        return new Target(null, null, false, label, null, null, null);
    }

    public static Target text(String text) {
        return new Target(null, null, false, null, text, null, null);
    }

    public static Target testId(String testId) {
        return new Target(null, null, false, null, null, testId, null);
    }

    public static Target css(String css) {
        return new Target(null, null, false, null, null, null, css);
    }

    /** Returns the ARIA role constant for a role name such as {@code button}, or null when there is none. */
    static AriaRole ariaRole(String role) {
        try {
            return AriaRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Returns the Playwright locator for this target on a page. */
    public Locator locate(Page page) {
        if (role != null) {
            Page.GetByRoleOptions options = new Page.GetByRoleOptions();
            if (name != null) {
                options.setName(name).setExact(exact);
            }
            return page.getByRole(ariaRole(role), options);
        }
        if (label != null) {
            return page.getByLabel(label, new Page.GetByLabelOptions().setExact(exact));
        }
        if (text != null) {
            return page.getByText(text, new Page.GetByTextOptions().setExact(exact));
        }
        if (testId != null) {
            return page.getByTestId(testId);
        }
        return page.locator(css);
    }

    /** Returns the target as written, for journals and messages, for example {@code role=button name="Pay"}. */
    public String describe() {
        if (role != null) {
            return name == null ? "role=" + role : "role=" + role + " name=\"" + name + "\"";
        }
        if (label != null) {
            return "label=\"" + label + "\"";
        }
        if (text != null) {
            return "text=\"" + text + "\"";
        }
        return testId != null ? "testId=\"" + testId + "\"" : "css=\"" + css + "\"";
    }
}
