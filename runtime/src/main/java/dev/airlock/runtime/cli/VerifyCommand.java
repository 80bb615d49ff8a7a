package dev.airlock.runtime.cli;

import dev.airlock.evidence.BundleVerifier;
import dev.airlock.evidence.SigningKey;
import dev.airlock.evidence.VerificationResult;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.PublicKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

  @Option(
      names = "--trusted-key",
      paramLabel = "FILE",
      description =
          "PEM public key the bundle must be signed with, such as the runtime's signing-key.pub.pem."
              + " Without it, the bundle's own key is used, which proves integrity but not who signed it.")
  Path trustedKey;

  @Override
  public Integer call() {
    if (!Files.exists(bundle)) {
      throw new IllegalArgumentException(
          "bundle not found: " + bundle + "; give the path of a bundle zip or folder");
    }
    VerificationResult result =
        trustedKey == null ? BundleVerifier.verify(bundle) : BundleVerifier.verify(bundle, readKey());
    result.checked().forEach(item -> System.out.println("ok      " + item));
    if (!result.valid()) {
      System.out.println("BROKEN  " + result.firstProblem());
      System.out.println("Bundle " + bundle + " failed verification.");
      return 1;
    }
    if (trustedKey == null) {
      System.out.println(
          "Bundle " + bundle + " verified: intact and signed by the key it carries. That proves nothing about"
              + " who signed it; pass --trusted-key with the runtime's signing-key.pub.pem for that.");
    } else {
      System.out.println("Bundle " + bundle + " verified and signed by the trusted key " + trustedKey + ".");
    }
    return 0;
  }

  private PublicKey readKey() {
    String pem;
    try {
      pem = Files.readString(trustedKey);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "--trusted-key " + trustedKey + " not found; give the runtime's signing-key.pub.pem", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("failed to read --trusted-key " + trustedKey + ": " + e, e);
    }
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      return SigningKey.decodePublicKey(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--trusted-key " + trustedKey + " is not a PEM Ed25519 public key such as signing-key.pub.pem", e);
    }
  }
}
