package dev.airlock.runtime.cli;

import dev.airlock.evidence.BundleVerifier;
import dev.airlock.evidence.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Verifies an evidence bundle: every file hash, the journal chain and the manifest signature. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies an evidence bundle (zip or unpacked folder).",
      "Exits with 0 when every check passes and 1 naming the first broken item."
    })
public final class VerifyCommand implements Callable<Integer> {

  @Parameters(paramLabel = "BUNDLE", description = "The bundle zip or its unpacked folder.")
  Path bundle;

  @Override
  public Integer call() {
    if (!Files.exists(bundle)) {
      throw new IllegalArgumentException(
          "bundle not found: " + bundle + "; give the path of a bundle zip or folder");
    }
    VerificationResult result = BundleVerifier.verify(bundle);
    result.checked().forEach(item -> System.out.println("ok      " + item));
    if (!result.valid()) {
      System.out.println("BROKEN  " + result.firstProblem());
      System.out.println("Bundle " + bundle + " failed verification.");
      return 1;
    }
    System.out.println("Bundle " + bundle + " verified.");
    return 0;
  }
}
