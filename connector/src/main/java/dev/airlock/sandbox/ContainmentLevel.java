package dev.airlock.sandbox;

/** Degree of separation between a sandbox's browser and the host, recorded in every evidence bundle. */
public enum ContainmentLevel {
    /** Chromium runs inside bubblewrap with fresh user, PID, IPC, UTS and mount namespaces and a private /tmp. */
    NAMESPACED,
    /** Chromium runs as an ordinary process with its own HOME, TMPDIR, profile and display, sharing the host's namespaces. */
    PROCESS
}
