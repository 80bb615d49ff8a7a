package dev.airlock.examples.demoapp;

import java.util.Objects;

/**
 * Settings of a {@link DemoApp}: where it listens and which login it accepts.
 *
 * @param host the address to bind, which must be a loopback address. Defaults to {@code 127.0.0.1}.
 * @param port the TCP port, where 0 picks a free port. Defaults to 0.
 * @param username the user name the login form accepts. Defaults to {@code demo}.
 * @param password the password the login form accepts. Defaults to {@code demo-password}.
 */
public record DemoAppOptions(String host, int port, String username, String password) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_USERNAME = "demo";
    public static final String DEFAULT_PASSWORD = "demo-password";

    public DemoAppOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid demo app port " + port + ": use 0 for a free port or 1-65535");
        }
    }

    /** Returns the default options: 127.0.0.1, a free port, user {@code demo} with password {@code demo-password}. */
    public static DemoAppOptions defaults() {
        return new DemoAppOptions(DEFAULT_HOST, 0, DEFAULT_USERNAME, DEFAULT_PASSWORD);
    }

    public DemoAppOptions withHost(String newHost) {
        return new DemoAppOptions(newHost, port, username, password);
    }

    public DemoAppOptions withPort(int newPort) {
        return new DemoAppOptions(host, newPort, username, password);
    }

    public DemoAppOptions withCredentials(String newUsername, String newPassword) {
        return new DemoAppOptions(host, port, newUsername, newPassword);
    }

    /** Keeps the password out of logs and test output. */
    @Override
    public String toString() {
        return "DemoAppOptions[host=" + host + ", port=" + port + ", username=" + username + ", password=***]";
    }
}
