package dev.airlock.runtime.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks ports before a command changes anything, so a busy port fails early and cleanly. */
final class Ports {

  private Ports() {}

  /** Throws when {@code port} is outside 0 to 65535. */
  static void requireValid(int port, String option) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + " " + port + " is not a port; give 1 to 65535, or 0 for a free one");
    }
  }

  /** Throws when {@code port} on 127.0.0.1 is taken; 0 always passes. */
  static void requireFree(int port, String option) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "port "
              + port
              + " on 127.0.0.1 is in use; stop what listens there or choose another with "
              + option
              + " (0 picks a free one)",
          e);
    }
  }
}
