package dev.airlock.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An origin as {@code scheme://host:port}, where the host may be a wildcard {@code *.suffix}, with
 * names in lower case and the scheme's default port filled in.
 */
record OriginPattern(String scheme, String host, boolean wildcard, int port) {

  private static final Pattern ORIGIN =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://(\\*\\.)?([^/:?#*]+)(?::(\\d{1,5}))?/?$");

  /** Parses a URL or an origin. Only an origin may have a wildcard host. */
  static OriginPattern parse(String originOrUrl) {
    String text = originOrUrl == null ? "" : originOrUrl.trim();
    Matcher origin = ORIGIN.matcher(text);
    if (origin.matches()) {
      String scheme = origin.group(1).toLowerCase(Locale.ROOT);
      int port = origin.group(4) == null ? defaultPort(scheme) : Integer.parseInt(origin.group(4));
      return new OriginPattern(scheme, origin.group(3).toLowerCase(Locale.ROOT), origin.group(2) != null, port);
    }
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(text, "no scheme or host");
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
      return new OriginPattern(scheme, uri.getHost().toLowerCase(Locale.ROOT), false, port);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + originOrUrl + "' is not an origin; write it as scheme://host[:port] or scheme://*.domain[:port]", e);
    }
  }

  /** Returns whether every origin that {@code requested} matches is also one of this pattern's origins. */
  boolean covers(OriginPattern requested) {
    if (!scheme.equals(requested.scheme) || port != requested.port) {
      return false;
    }
    if (!wildcard) {
      return !requested.wildcard && host.equals(requested.host);
    }
    return requested.host.equals(host) ? requested.wildcard : requested.host.endsWith("." + host);
  }

  /** Returns the origin as text, such as {@code https://*.example.com:443}. */
  String text() {
    return scheme + "://" + (wildcard ? "*." : "") + host + ":" + port;
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      default -> -1;
    };
  }
}
