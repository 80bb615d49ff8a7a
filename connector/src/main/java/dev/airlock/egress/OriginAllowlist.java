package dev.airlock.egress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The origins a task may contact. An entry is {@code scheme://host[:port]} with scheme http or https, for example
 * {@code https://portal.example.com} or {@code http://127.0.0.1:8080}. A wildcard is allowed only as the whole first
 * label, {@code https://*.example.com}, and matches any host below example.com (not example.com itself).
 */
public final class OriginAllowlist {

    private static final String HOW_TO_WRITE = "write an origin as scheme://host[:port], for example https://portal.example.com,"
            + " http://127.0.0.1:8080 or https://*.example.com";

    private final List<Entry> entries;

    private record Entry(String text, String scheme, String hostOrSuffix, boolean wildcard, int port) {

        boolean matches(Origin origin) {
            if (!scheme.equals(origin.scheme()) || port != origin.port()) {
                return false;
            }
            return wildcard ? origin.host().endsWith("." + hostOrSuffix) : origin.host().equals(hostOrSuffix);
        }
    }

    private OriginAllowlist(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses allowlist entries.
     *
     * @throws InvalidOriginException for the first entry that is not an origin, naming it and how to write it
     */
    public static OriginAllowlist parse(List<String> entries) {
        List<Entry> parsed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            parsed.add(parseEntry(i, entries.get(i)));
        }
        return new OriginAllowlist(parsed);
    }

    /** Returns the entry that allows this URL's origin, or empty when the URL has no origin or none matches. */
    public Optional<String> matchingEntry(String url) {
        Optional<Origin> origin = Origin.of(url);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        return entries.stream().filter(entry -> entry.matches(origin.get())).map(Entry::text).findFirst();
    }

    /** Tells whether the URL's origin is on the allowlist. */
    public boolean allows(String url) {
        return matchingEntry(url).isPresent();
    }

    /** Returns the entries as written. */
    public List<String> entries() {
        return entries.stream().map(Entry::text).toList();
    }

    private static Entry parseEntry(int index, String text) {
        String prefix = "allowed origin '" + text + "' ";
        if (text == null || text.isBlank()) {
            throw new InvalidOriginException(index, "allowed origin at index " + index + " is empty; " + HOW_TO_WRITE);
        }
        String trimmed = text.trim();
        if (!trimmed.contains("://")) {
            throw new InvalidOriginException(index, prefix + "has no scheme; " + HOW_TO_WRITE);
        }
        boolean wildcard = trimmed.matches("(?i)[a-z]+://\\*\\..*");
        URI uri;
        try {
            uri = new URI(wildcard ? trimmed.replaceFirst("\\*\\.", "wildcard.") : trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidOriginException(index, prefix + "is not a valid URL (" + e.getReason() + "); " + HOW_TO_WRITE);
        }

        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidOriginException(index, prefix + "uses scheme '" + scheme + "'; only http and https are supported, "
                    + HOW_TO_WRITE);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidOriginException(index, prefix + "contains user information; remove 'user@', " + HOW_TO_WRITE);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidOriginException(index, prefix + "has a path, query or fragment, but an origin has none; remove '"
                    + afterAuthority(trimmed) + "', " + HOW_TO_WRITE);
        }
        if (uri.getHost() == null || trimmed.substring(wildcard ? trimmed.indexOf("*.") + 2 : 0).contains("*")) {
            throw new InvalidOriginException(index, prefix + "has no valid host or a wildcard in the wrong place; a wildcard"
                    + " may only replace the whole first label, as in https://*.example.com");
        }

        String host = Origin.stripBrackets(uri.getHost()).toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : Origin.defaultPort(scheme);
        if (wildcard) {
            String suffix = host.substring("wildcard.".length());
            if (!suffix.contains(".")) {
                throw new InvalidOriginException(index, prefix + "matches every host under a top-level domain; name at least"
                        + " two labels after the wildcard, as in https://*.example.com");
            }
            return new Entry(trimmed, scheme, suffix, true, port);
        }
        return new Entry(trimmed, scheme, host, false, port);
    }

    private static String afterAuthority(String url) {
        int start = url.indexOf("://") + 3;
        for (int i = start; i < url.length(); i++) {
            if ("/?#".indexOf(url.charAt(i)) >= 0) {
                return url.substring(i);
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "OriginAllowlist" + entries();
    }
}
