package dev.airlock.evidence;

import java.time.Instant;

/**
 * One request seen by the browser or by a forward proxy below it, with the verdict of the origin allowlist.
 *
 * @param time when the request was seen
 * @param method HTTP method, for example {@code GET}
 * @param url the full URL requested
 * @param scheme URL scheme, for example {@code https}
 * @param host host name or address
 * @param port port, with the scheme's default filled in
 * @param resourceType kind of resource as the browser names it (document, image, ...), or null when unknown
 * @param initiator URL of the page or frame that made the request, or null when unknown
 * @param verdict {@code ALLOWED} or {@code BLOCKED}
 * @param reason why the verdict was reached, for example the allowlist entry that matched
 * @param status HTTP status of the response, or null when the request was blocked or failed
 */
public record NetworkEvent(Instant time, String method, String url, String scheme, String host, int port,
        String resourceType, String initiator, String verdict, String reason, Integer status) {

    public static final String ALLOWED = "ALLOWED";
    public static final String BLOCKED = "BLOCKED";

    public boolean blocked() {
        return BLOCKED.equals(verdict);
    }
}
