package dev.airlock.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.examples.demoapp.DemoApp;
import dev.airlock.examples.demoapp.DemoAppOptions;
import dev.airlock.evidence.SigningKey;
import dev.airlock.runtime.AirlockCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code airlock run} and {@code airlock verify} on the example task files and the demo app. */
class RunAndVerifyCommandTest {

  private static final Path EXAMPLE_TASKS = Path.of("../examples/tasks");

  @TempDir static Path folder;

  static DemoApp app;

  @BeforeAll
  static void startApp() {
    app = DemoApp.start(DemoAppOptions.defaults());
  }

  @AfterAll
  static void stopApp() {
    app.close();
  }

  @Test
  void runWritesBundleThatVerifyAccepts() throws Exception {
    Path bundle = folder.resolve("extract");

    Result run = execute("run", taskFile("invoice-extract.json").toString(), "--out", bundle.toString(),
        "--keys", folder.resolve("keys").toString(), "--secrets-file", secretsFile().toString());

    assertThat(run.exitCode()).as("run output: %s", run.output()).isZero();
    assertThat(run.output()).contains("Completed").contains("invoiceTotal");
    Path zip = Path.of(bundle + ".zip");
    assertThat(zip).exists();

    Result verify = execute("verify", zip.toString());
    assertThat(verify.exitCode()).as("verify output: %s", verify.output()).isZero();
    assertThat(verify.output()).contains("verified").contains("--trusted-key");

    Path trusted = folder.resolve("keys").resolve("signing-key.pub.pem");
    Result trustedVerify = execute("verify", zip.toString(), "--trusted-key", trusted.toString());
    assertThat(trustedVerify.exitCode()).as("verify output: %s", trustedVerify.output()).isZero();
    assertThat(trustedVerify.output()).contains("signed by the trusted key");
  }

  @Test
  void verifyRejectsBundleSignedByAnotherKey() throws Exception {
    Path bundle = folder.resolve("other-key");
    Result run = execute("run", taskFile("invoice-extract.json").toString(), "--out", bundle.toString(),
        "--keys", folder.resolve("other-keys").toString(), "--secrets-file", secretsFile().toString());
    assertThat(run.exitCode()).as("run output: %s", run.output()).isZero();

    SigningKey.loadOrCreate(folder.resolve("keys"));
    Path trusted = folder.resolve("keys").resolve(SigningKey.PUBLIC_KEY_FILE);
    Result verify = execute("verify", bundle + ".zip", "--trusted-key", trusted.toString());

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.output()).contains("BROKEN");
  }

  @Test
  void verifyNamesTheBrokenFileOfATamperedBundle() throws Exception {
    Path bundle = folder.resolve("tampered");
    Result run = execute("run", taskFile("invoice-extract.json").toString(), "--out", bundle.toString(),
        "--keys", folder.resolve("keys").toString(), "--secrets-file", secretsFile().toString());
    assertThat(run.exitCode()).as("run output: %s", run.output()).isZero();

    Path journal = bundle.resolve("journal.jsonl");
    byte[] bytes = Files.readAllBytes(journal);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(journal, bytes);

    Result verify = execute("verify", bundle.toString());
    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.output()).contains("BROKEN").contains("journal.jsonl");
  }

  @Test
  void runExitsWithCheckpointCode() throws Exception {
    Path bundle = folder.resolve("pay");

    Result run = execute("run", taskFile("invoice-pay.json").toString(), "--out", bundle.toString(),
        "--keys", folder.resolve("keys").toString(), "--secrets-file", secretsFile().toString());

    assertThat(run.exitCode()).as("run output: %s", run.output()).isEqualTo(RunCommand.CHECKPOINT_EXIT_CODE);
    assertThat(run.output()).contains("needs approval").contains("Pay");
    assertThat(app.payments()).as("payments").isEmpty();
  }

  @Test
  void runRejectsMissingTaskFileBeforeStartingAnything() {
    Result run = execute("run", folder.resolve("missing.json").toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.error()).contains("task file not found").contains("missing.json");
  }

  @Test
  void runNamesMissingCredentialAndOption() throws Exception {
    Result run = execute("run", taskFile("invoice-extract.json").toString(), "--out", folder.resolve("no-secrets").toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.error()).contains("steps[0].value: credential 'username'").contains("--secret username=");
    assertThat(folder.resolve("no-secrets")).as("bundle folder of a run that never started").doesNotExist();
  }

  @Test
  void badDurationOptionShowsExample() {
    Result demo = execute("demo", "--timeout", "abc");

    assertThat(demo.exitCode()).isNotZero();
    assertThat(demo.error()).contains("'abc' is not an ISO-8601 duration").contains("PT10M");
  }

  @Test
  void verifyRejectsMissingBundle() {
    Result verify = execute("verify", folder.resolve("nothing.zip").toString());

    assertThat(verify.exitCode()).isNotZero();
    assertThat(verify.error()).contains("bundle not found");
  }

  /** Copies an example task file with the demo app's test port in place of 8086. */
  private static Path taskFile(String name) throws Exception {
    String origin = app.baseUrl().toString().replaceAll("/+$", "");
    String json = Files.readString(EXAMPLE_TASKS.resolve(name)).replace("http://127.0.0.1:8086", origin);
    Path file = folder.resolve(name);
    Files.writeString(file, json);
    return file;
  }

  private static Path secretsFile() throws Exception {
    Path file = folder.resolve("secrets.json");
    Files.writeString(
        file,
        "{\"username\":\"" + DemoAppOptions.DEFAULT_USERNAME + "\",\"password\":\"" + DemoAppOptions.DEFAULT_PASSWORD + "\"}");
    return file;
  }

  private static Result execute(String... arguments) {
    StringWriter error = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    int exitCode;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine commandLine = AirlockCli.commandLine();
      commandLine.setErr(new PrintWriter(error, true));
      exitCode = commandLine.execute(arguments);
    } finally {
      System.setOut(originalOut);
    }
    return new Result(exitCode, out.toString(StandardCharsets.UTF_8), error.toString());
  }

  private record Result(int exitCode, String output, String error) {}

}
