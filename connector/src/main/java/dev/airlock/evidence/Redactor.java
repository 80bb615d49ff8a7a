package dev.airlock.evidence;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Replaces secret strings in text with {@value #MASK}, for log lines and artifacts. Occurrences that overlap or
 * touch are masked as one run, so no part of a secret is left showing. Null and empty secrets are ignored.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        this.secrets = secrets.stream()
                .filter(Objects::nonNull)
                .filter(secret -> !secret.isEmpty())
                .distinct()
                .toList();
    }

    public static Redactor of(String... secrets) {
        return new Redactor(Arrays.asList(secrets));
    }

    /** Returns the text with every occurrence of every secret replaced by {@value #MASK}, or null for null. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        boolean[] masked = new boolean[text.length()];
        boolean any = false;
        for (String secret : secrets) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                Arrays.fill(masked, at, at + secret.length(), true);
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!masked[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !masked[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /** Returns whether the text contains any of the secrets. */
    public boolean containsSecret(String text) {
        return text != null && secrets.stream().anyMatch(text::contains);
    }

    /** Shows only how many secrets are held, never the secrets. */
    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secrets]";
    }
}
