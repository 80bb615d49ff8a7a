package dev.airlock.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js checks in {@code src/test/js}: the official element template JSON schema and
 * Camunda's BPMN lint rules. Installs their npm packages with {@code npm ci} from the committed
 * package-lock.json the first time, or when the lock file changed.
 */
final class NodeChecks {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path REPOSITORY = MODULE.getParent();
  private static final Path TOOLING = MODULE.resolve("src/test/js");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Result of one check run: the files it checked and each problem as reported by the tool. */
  record Report(List<String> checked, List<JsonNode> problems, String output) {}

  private NodeChecks() {}

  static Report check(String kind, List<Path> files) throws IOException, InterruptedException {
    install();
    List<String> command = new ArrayList<>(List.of("node", "check.mjs", kind));
    files.forEach(file -> command.add(file.toString()));
    Run run = run(command, 300);
    if (run.exitCode() > 1) {
      throw new IllegalStateException("node check.mjs " + kind + " failed to run: " + run.output());
    }
    String lastLine = run.output().strip().lines().reduce((first, second) -> second).orElse("{}");
    JsonNode report = JSON.readTree(lastLine);
    List<String> checked = new ArrayList<>();
    report.path("checked").forEach(node -> checked.add(node.asText()));
    List<JsonNode> problems = new ArrayList<>();
    report.path("problems").forEach(problems::add);
    return new Report(checked, problems, run.output());
  }

  private static synchronized void install() throws IOException, InterruptedException {
    Path installedLock = TOOLING.resolve("node_modules/.package-lock.json");
    Path lock = TOOLING.resolve("package-lock.json");
    if (Files.exists(installedLock)
        && Files.getLastModifiedTime(installedLock).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
      return;
    }
    Run run = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
    if (run.exitCode() != 0) {
      throw new IllegalStateException(
          "npm ci in " + TOOLING + " failed with exit code " + run.exitCode()
              + "; check that node and npm are installed (./airlock test installs them) and that"
              + " the npm registry is reachable. Output:\n" + run.output());
    }
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("airlock-node-", ".log");
    try {
      Process process;
      try {
        process =
            new ProcessBuilder(command)
                .directory(TOOLING.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException e) {
        throw new IllegalStateException(
            "Failed to start '" + command.getFirst() + "'; install Node.js and npm (./airlock test does it)", e);
      }
      process.getOutputStream().close();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish in " + timeoutSeconds + " s: " + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
