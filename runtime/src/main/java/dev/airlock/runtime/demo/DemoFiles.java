package dev.airlock.runtime.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files the demo writes into its data folder before the runtime starts. */
public final class DemoFiles {

  static final String IDENTITIES_RESOURCE = "processes/identities.json";

  private DemoFiles() {}

  /** Copies the demo's agent identities into {@code dataDirectory} and returns the file. */
  public static Path writeIdentities(Path dataDirectory) throws IOException {
    Path file = dataDirectory.resolve("identities.json");
    Files.createDirectories(dataDirectory);
    try (InputStream in = DemoFiles.class.getClassLoader().getResourceAsStream(IDENTITIES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "classpath resource " + IDENTITIES_RESOURCE + " is missing; rebuild with ./airlock demo");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
