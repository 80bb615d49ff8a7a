package dev.airlock.runtime.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.evidence.BundleVerifier;
import dev.airlock.evidence.VerificationResult;
import dev.airlock.runtime.approval.PendingApproval;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Prints the demo's progress for a person following it in a terminal. */
public final class DemoReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DEFAULT_ENGINE = "http://127.0.0.1:8088";

  private final PrintStream out;
  private final URI engine;
  private final Path dataDirectory;

  public DemoReport(PrintStream out, URI engine, Path dataDirectory) {
    this.out = out;
    this.engine = engine;
    this.dataDirectory = dataDirectory;
  }

  public void started(long processInstanceKey, URI demoApp) {
    out.printf("%nStarted process instance %d on the demo invoice app at %s%n", processInstanceKey, demoApp);
    out.println("The browser task logs in, reads the invoice total and downloads its PDF...");
  }

  public void awaitingApproval(PendingApproval approval) {
    out.printf(
        "%nApproval needed: %s%n"
            + "  Approve in the task list:   %s/tasks/%d%n"
            + "  or from another terminal:   ./airlock approve%s     (add --reject to refuse)%n"
            + "Waiting for the decision...%n",
        approval.description(), engine, approval.userTaskKey(), engineOption());
  }

  /** Prints that the runtime ignored the automatic decision and returns the command's exit code. */
  public int decisionIgnored(PendingApproval approval, String approver) {
    out.printf(
        "%nThe process asks again for approval of: %s%n"
            + "The runtime ignored the decision by %s, for example because %s is the agent identity or"
            + " its owner (see the runtime log). Approve as another person, for example --approve-as alice.%n",
        approval.description(), approver, approver);
    return 1;
  }

  /** Prints how the instance ended and returns the command's exit code. */
  public int finished(ProcessState state, int payments) {
    switch (state) {
      case ProcessState.Completed completed -> {
        out.printf("%nProcess completed. Payments made in the demo app: %d%n", payments);
        printEvidence(completed.variables());
        out.printf("History: ./airlock engine --port %d --data %s, then %s/history"
            + " (or run the demo with --keep-running)%n", engine.getPort(), dataDirectory.resolve("engine"), engine);
        return 0;
      }
      case ProcessState.Incident incident -> {
        out.printf("%nThe process stopped with an incident at %s: %s%n", incident.elementId(), incident.message());
        return 1;
      }
      case ProcessState.Terminated terminated -> {
        out.println("\nThe process instance was canceled.");
        return 1;
      }
      case ProcessState.AwaitingApproval awaiting -> {
        out.println("\nThe process asks for another approval: " + awaiting.approval().description());
        return 1;
      }
    }
  }

  /** Returns the approve command's --engine option when the engine is not at its default address. */
  private String engineOption() {
    return engine.toString().equals(DEFAULT_ENGINE) ? "" : " --engine " + engine;
  }

  private void printEvidence(Map<String, Object> variables) {
    Object result = variables.get("airlockResult");
    if (result != null) {
      out.println("Result (process variable airlockResult):");
      out.println(json(result));
    }
    Object decision = variables.get("airlockDecision");
    if (decision != null) {
      out.println("Decision: " + decision);
    }
    for (Path bundle : bundles()) {
      VerificationResult verification = BundleVerifier.verify(bundle);
      out.printf(
          "Evidence bundle %s: %s%n", bundle, verification.valid() ? "verified" : "BROKEN: " + verification.firstProblem());
    }
    out.println("Check a bundle yourself with: ./airlock verify <bundle.zip>");
  }

  private static String json(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  private List<Path> bundles() {
    Path evidence = dataDirectory.resolve("evidence");
    if (!Files.isDirectory(evidence)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(evidence)) {
      return files.filter(file -> file.toString().endsWith(".zip")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to list the evidence folder " + evidence, e);
    }
  }
}
