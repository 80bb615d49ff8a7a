package dev.airlock.camunda;

import java.util.Base64;

/** A valid 1x1 PNG for tests that need a screenshot file. */
final class TestPng {

  static final byte[] BYTES =
      Base64.getDecoder()
          .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private TestPng() {}
}
