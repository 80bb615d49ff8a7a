package dev.airlock.runtime.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;


/** Files the demo writes into its data folder before the runtime starts. */
public final class DemoFiles {

  static final String IDENTITIES_RESOURCE = "processes/identities.json";

  /** Origin of the demo app in the example identities file. */
  static final String EXAMPLE_ORIGIN = "http://127.0.0.1:8086";

  private DemoFiles() {}

  /**
   * Writes the demo's agent identities into {@code dataDirectory} with the demo app's actual
   * origin in place of the example's, and returns the file.
   */
  public static Path writeIdentities(Path dataDirectory, URI demoApp) throws IOException {
    String identities = new String(readResource(IDENTITIES_RESOURCE), StandardCharsets.UTF_8);
    String origin = demoApp.getScheme() + "://" + demoApp.getHost() + ":" + demoApp.getPort();

    Path file = dataDirectory.resolve("identities.json");
    Files.createDirectories(dataDirectory);
    Files.writeString(file, identities.replace(EXAMPLE_ORIGIN, origin));
    return file;
  }

  /** Reads a resource of the runtime jar, such as an example process. */
  static byte[] readResource(String resource) {
    try (InputStream in = DemoFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource " + resource + " is missing; rebuild with ./airlock demo");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read classpath resource " + resource, e);
    }
  }
}
