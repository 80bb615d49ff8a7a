package dev.airlock.automation;

import java.time.Duration;

/**
 * One browser step. Every step has an optional timeout; when it is null the runner's default applies, and no step
 * runs past the task's total timeout.
 */
public sealed interface Step {

    /** Returns the action name as written in task JSON, for example {@code click}. */
    String action();

    Duration timeout();

    /** Returns the target element, or null for steps without one. */
    default Target target() {
        return null;
    }

    /** Tells whether the step changes the page or the outside world, so it gets a before screenshot. */
    default boolean acting() {
        return true;
    }

    /** Opens a URL, absolute or relative to the task's start URL. */
    record Goto(String url, Duration timeout) implements Step {
        public String action() {
            return "goto";
        }
    }

    record Click(Target target, Duration timeout) implements Step {
        public String action() {
            return "click";
        }
    }

    /** Types a value into a form field, replacing its content. */
    record Fill(Target target, InputValue value, Duration timeout) implements Step {
        public String action() {
            return "fill";
        }
    }

    /** Selects the option with this value or label. */
    record Select(Target target, InputValue value, Duration timeout) implements Step {
        public String action() {
            return "select";
        }
    }

    /** Checks or unchecks a checkbox or radio button. */
    record Check(Target target, boolean checked, Duration timeout) implements Step {
        public String action() {
            return "check";
        }
    }

    /** Presses a key, for example {@code Enter}, on the target or, without one, on the focused element. */
    record Press(Target target, String key, Duration timeout) implements Step {
        public String action() {
            return "press";
        }
    }

    /** Waits until exactly one of these holds: the target is visible, the page URL matches a glob, or text is visible. */
    record WaitFor(Target target, String url, String text, Duration timeout) implements Step {
        public String action() {
            return "waitFor";
        }

        public boolean acting() {
            return false;
        }
    }

    /** Reads the target's text, or an attribute when one is named, into a named output. */
    record Extract(Target target, String output, String attribute, Duration timeout) implements Step {
        public String action() {
            return "extract";
        }

        public boolean acting() {
            return false;
        }
    }

    /** Adds a named screenshot of the page to the evidence. */
    record Screenshot(String name, boolean fullPage, Duration timeout) implements Step {
        public String action() {
            return "screenshot";
        }

        public boolean acting() {
            return false;
        }
    }

    /** Clicks the target and saves the download it starts into a named output. */
    record Download(Target target, String output, Duration timeout) implements Step {
        public String action() {
            return "download";
        }
    }

    /** Sets a declared input file on a file input. */
    record Upload(Target target, String input, Duration timeout) implements Step {
        public String action() {
            return "upload";
        }
    }

    /** Fails the task unless the target becomes visible in time. */
    record AssertVisible(Target target, Duration timeout) implements Step {
        public String action() {
            return "assertVisible";
        }

        public boolean acting() {
            return false;
        }
    }
}
