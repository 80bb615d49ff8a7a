package dev.airlock.egress;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin: scheme, host and port, with the scheme's default port filled in. Only http and https have origins
 * here; WebSocket URLs map to them ({@code ws} to {@code http}, {@code wss} to {@code https}).
 */
public record Origin(String scheme, String host, int port) {

    public Origin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    /** Returns the origin of a URL, or empty for URLs without a network origin (about:, data:, blob:, file:). */
    public static Optional<Origin> of(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = switch (uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> "http";
            case "https", "wss" -> "https";
            default -> null;
        };
        if (scheme == null) {
            return Optional.empty();
        }
        String host = stripBrackets(uri.getHost());
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
        return Optional.of(new Origin(scheme, host, port));
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return port == defaultPort(scheme) ? scheme + "://" + shownHost : scheme + "://" + shownHost + ":" + port;
    }
}
