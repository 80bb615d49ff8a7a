package dev.airlock.automation;

/** A value a step types or selects: a literal from the task, or the name of a credential typed from the sandbox. */
public sealed interface InputValue {

    /** A value written in the task; it is journalled only as a digest. */
    record Literal(String value) implements InputValue {
        @Override
        public String toString() {
            return "Literal[digest only]";
        }
    }

    /** A reference to {@code BrowserTask.credentials()}; the secret is never journalled, logged or traced. */
    record Secret(String name) implements InputValue {
    }
}
