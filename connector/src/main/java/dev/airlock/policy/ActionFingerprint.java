package dev.airlock.policy;

import dev.airlock.evidence.Digests;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The identity of an action that an approval is bound to: a SHA-256 over the page's origin and path, the step index,
 * the action, the target's role and accessible name and the digest of the typed value. The query and fragment of the
 * page URL are left out because they often carry per-session values, which would make a repeated run differ.
 */
public final class ActionFingerprint {

    private ActionFingerprint() {
    }

    /** Returns the lowercase hex fingerprint of an action. */
    public static String of(ProposedAction action) {
        String canonical = String.join("\n",
                field("page", pageWithoutQuery(action.navigationUrl() != null ? action.navigationUrl() : action.pageUrl())),
                field("step", Integer.toString(action.stepIndex())),
                field("action", action.action()),
                field("role", action.targetRole()),
                field("name", action.targetName()),
                field("value", action.valueDigest()));
        return Digests.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the scheme, host, port and path of a URL. */
    static String pageWithoutQuery(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return url;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String field(String name, String value) {
        // Length prefixes keep field boundaries unambiguous, whatever the values contain.
        String text = value == null ? "" : value;
        return name + ":" + text.length() + ":" + text;
    }
}
