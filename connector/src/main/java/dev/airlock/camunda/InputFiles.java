package dev.airlock.camunda;

import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.error.ConnectorRetryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Camunda documents of a request's {@code inputFiles}, written to a private temporary folder
 * for upload steps and deleted on {@link #close()}.
 */
final class InputFiles implements AutoCloseable {

  private final Path folder;
  private final Map<String, Path> paths;

  private InputFiles(Path folder, Map<String, Path> paths) {
    this.folder = folder;
    this.paths = paths;
  }

  static InputFiles write(Map<String, Document> documents) {
    if (documents.isEmpty()) {
      return new InputFiles(null, Map.of());
    }
    Path folder = null;
    try {
      folder = Files.createTempDirectory("airlock-input-");
      Map<String, Path> paths = new LinkedHashMap<>();
      for (Map.Entry<String, Document> entry : documents.entrySet()) {
        paths.put(entry.getKey(), writeOne(folder, entry.getKey(), entry.getValue()));
      }
      return new InputFiles(folder, Map.copyOf(paths));
    } catch (IOException e) {
      delete(folder);
      throw ConnectorRetryException.builder()
          .message("Failed to write the input files to a temporary folder; check the free space of java.io.tmpdir")
          .cause(e)
          .build();
    }
  }

  private static Path writeOne(Path folder, String name, Document document) throws IOException {
    if (document == null) {
      throw new ConnectorInputException("inputFiles." + name + ": missing; give a Camunda document reference");
    }
    if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
      throw new ConnectorInputException(
          "inputFiles." + name + ": invalid name; use letters, digits, '.', '_' and '-' only");
    }
    Path file = folder.resolve(name);
    try (InputStream content = document.asInputStream()) {
      Files.copy(content, file);
    }
    return file;
  }

  Map<String, Path> paths() {
    return paths;
  }

  @Override
  public void close() {
    delete(folder);
  }

  private static void delete(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(InputFiles::deleteOne);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to delete the input file folder " + folder, e);
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Failed to delete input file " + path, e);
    }
  }
}
