package dev.airlock.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.automation.BrowserTask;
import dev.airlock.automation.InputValue;
import dev.airlock.automation.Step;
import dev.airlock.automation.TaskJson;
import dev.airlock.automation.TaskOutcome;
import dev.airlock.automation.TaskRunner;
import dev.airlock.evidence.SigningKey;
import dev.airlock.identity.AgentIdentity;
import dev.airlock.identity.IdentityRegistry;
import dev.airlock.identity.IdentityScope;
import dev.airlock.identity.SecretResolver;
import dev.airlock.policy.ApprovalVerifier;
import dev.airlock.policy.RiskPolicy;
import dev.airlock.sandbox.SandboxConfig;
import dev.airlock.sandbox.SandboxManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs one browser task without Camunda and writes its evidence bundle. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one browser task without Camunda and writes its evidence bundle.",
      "The task file format is in docs/task-format.md. Exits with 0 when every step ran,",
      "3 when the task stopped before an action that needs an approval, 4 when the policy",
      "denied a step."
    })
public final class RunCommand implements Callable<Integer> {

  static final int CHECKPOINT_EXIT_CODE = 3;
  static final int DENIED_EXIT_CODE = 4;

  @Parameters(paramLabel = "TASK.json", description = "The task file.")
  Path taskFile;

  @Option(
      names = "--out",
      description =
          "Bundle folder to write; the zip is written beside it. Defaults to .airlock/runs/<task id>-<time>.")
  Path bundleDirectory;

  @Option(
      names = "--identities",
      paramLabel = "FILE",
      description =
          "Agent identities file; the task's identity must exist there and allow its origins and actions."
              + " Without it, the task's own allowlist is all that limits it.")
  Path identitiesFile;

  @Option(
      names = "--keys",
      defaultValue = ".airlock/keys",
      description = "Folder of the signing key; a key is created there when missing. Defaults to ${DEFAULT-VALUE}.")
  Path keysDirectory;

  @Option(
      names = "--secret",
      paramLabel = "NAME=ENV_VAR",
      description = "Credential NAME, typed by {\"secret\":\"NAME\"} values, read from environment variable ENV_VAR. Repeatable.")
  Map<String, String> secretVariables = new HashMap<>();

  @Option(
      names = "--secrets-file",
      paramLabel = "FILE",
      description = "JSON object of credential name to value, for credentials not given with --secret. Keep the file readable by you only.")
  Path secretsFile;

  @Override
  public Integer call() throws IOException {
    BrowserTask parsed = withoutApprovals(TaskJson.parse(readTaskFile()));
    AgentIdentity identity = checkIdentity(parsed);
    BrowserTask task = ownedAsRegistered(parsed, identity).withCredentials(credentials(identity));
    requireCredentials(task);
    Path bundle = bundleDirectory != null ? bundleDirectory : defaultBundleDirectory(task);

    SigningKey key = SigningKey.loadOrCreate(keysDirectory);
    // The signing key must stay out of a compromised browser's reach.
    SandboxManager sandboxes = new SandboxManager(SandboxConfig.defaults().withHiddenPaths(List.of(keysDirectory)));
    sandboxes.cleanupLeftovers();
    TaskRunner runner =
        new TaskRunner(sandboxes, key, RiskPolicy.defaults(), new ApprovalVerifier(key.publicKey()));

    TaskOutcome outcome = runner.run(task, bundle);
    System.out.println(describe(outcome));
    System.out.println("Evidence bundle: " + outcome.bundle().zip());
    return switch (outcome) {
      case TaskOutcome.Completed completed -> 0;
      case TaskOutcome.CheckpointPending pending -> CHECKPOINT_EXIT_CODE;
      case TaskOutcome.PolicyDenied denied -> DENIED_EXIT_CODE;
    };
  }

  /** Checks that every credential a step types is present, before anything starts. */
  private static void requireCredentials(BrowserTask task) {
    for (int index = 0; index < task.steps().size(); index++) {
      if (task.steps().get(index) instanceof Step.Fill fill
          && fill.value() instanceof InputValue.Secret secret
          && !task.credentials().containsKey(secret.name())) {
        throw new IllegalArgumentException(
            "steps[" + index + "].value: credential '" + secret.name() + "' is missing; pass it with --secret "
                + secret.name() + "=ENV_VAR or in a --secrets-file");
      }
    }
  }

  /**
   * Drops approvals written into the task file: approvals come from a person through a process,
   * and a signed approval copied from an earlier bundle must not allow its action again.
   */
  private static BrowserTask withoutApprovals(BrowserTask task) {
    if (task.approvals().isEmpty()) {
      return task;
    }
    System.err.println(
        "airlock: ignoring the " + task.approvals().size() + " approvals in the task file; run accepts none");
    return task.withApprovals(List.of());
  }

  /** Returns the task with the identity's owner from the identities file, not from the task file. */
  private static BrowserTask ownedAsRegistered(BrowserTask task, AgentIdentity identity) {
    if (identity == null) {
      return task;
    }
    return new BrowserTask(task.taskId(), task.startUrl(), task.allowedOrigins(), task.steps(), task.totalTimeout(),
        task.inputFiles(), task.approvals(), task.credentials(), task.evidence(), identity.id(), identity.owner());
  }

  /** Returns the task's identity after checking its scope, or null without an identities file. */
  private AgentIdentity checkIdentity(BrowserTask task) {
    if (identitiesFile == null) {
      System.err.println(
          "airlock: no --identities file given, so identity '" + task.identityId() + "' is not checked");
      return null;
    }
    AgentIdentity identity = IdentityRegistry.load(identitiesFile).require(task.identityId(), Instant.now());
    List<String> actions = task.steps().stream().map(Step::action).toList();
    IdentityScope.check(identity, task.startUrl(), task.allowedOrigins(), actions);
    return identity;
  }

  /**
   * Returns the credentials given on the command line, over those of the identity: its
   * secrets.NAME references read from environment variable AIRLOCK_SECRET_NAME, as the runtime
   * reads them, and env.NAME from NAME.
   */
  private Map<String, String> credentials(AgentIdentity identity) throws IOException {
    Map<String, String> credentials = new HashMap<>();
    if (identity != null) {
      credentials.putAll(
          new SecretResolver(name -> System.getenv("AIRLOCK_SECRET_" + name), System::getenv).resolve(identity));
    }
    credentials.putAll(secrets());
    return credentials;
  }

  private static Path defaultBundleDirectory(BrowserTask task) {
    String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    return Path.of(".airlock/runs", task.taskId() + "-" + time);
  }

  private String readTaskFile() throws IOException {
    try {
      return Files.readString(taskFile);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("task file not found: " + taskFile + "; give the path of a task JSON file", e);
    }
  }

  private Map<String, String> secrets() throws IOException {
    Map<String, String> credentials = new HashMap<>(secretsFromFile());
    secretVariables.forEach(
        (name, variable) -> {
          String value = System.getenv(variable);
          if (value == null) {
            throw new IllegalArgumentException(
                "environment variable " + variable + " for credential " + name + " is not set; export it first");
          }
          credentials.put(name, value);
        });
    return credentials;
  }

  private Map<String, String> secretsFromFile() throws IOException {
    if (secretsFile == null) {
      return Map.of();
    }
    try {
      String json = Files.readString(secretsFile);
      return new ObjectMapper().readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "secrets file " + secretsFile + " is not a JSON object of name to string value: " + e.getOriginalMessage(), e);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("secrets file not found: " + secretsFile, e);
    }
  }

  private static String describe(TaskOutcome outcome) {
    return switch (outcome) {
      case TaskOutcome.Completed completed ->
          "Completed. Extracted: " + completed.extracted() + "; downloads: " + completed.downloads().keySet();
      case TaskOutcome.CheckpointPending pending ->
          "Stopped before an action that needs approval: "
              + pending.action().description()
              + " (fingerprint "
              + pending.action().fingerprint()
              + "). Approvals come from a person through a Camunda user task: run the task in a process"
              + " with the approval checkpoint (docs/process-designer.md) to let someone approve it.";
      case TaskOutcome.PolicyDenied denied ->
          "Denied by policy rule " + denied.rule() + " at step " + denied.stepIndex() + ": " + denied.reason();
    };
  }
}
