package dev.airlock.examples.demoapp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logged-in sessions, keyed by the random value of the session cookie. */
final class Sessions {

    static final String COOKIE_NAME = "demo_session";

    /** A logged-in user and the token their forms must send back, which stops cross-site form posts. */
    record Session(String username, String formToken) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();

    /** Creates a session for the user and returns its id, the value for the session cookie. */
    String create(String username) {
        String id = randomToken();
        byId.put(id, new Session(username, randomToken()));
        return id;
    }

    Optional<Session> find(String cookieHeader) {
        return sessionId(cookieHeader).map(byId::get);
    }

    void remove(String cookieHeader) {
        sessionId(cookieHeader).ifPresent(byId::remove);
    }

    private static Optional<String> sessionId(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (String pair : cookieHeader.split(";")) {
            String trimmed = pair.trim();
            if (trimmed.startsWith(COOKIE_NAME + "=")) {
                return Optional.of(trimmed.substring(COOKIE_NAME.length() + 1));
            }
        }
        return Optional.empty();
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
