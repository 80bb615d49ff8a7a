package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the verification script from docs/evidence-format.md against sealed bundles, so the documented procedure
 * for third parties stays correct.
 */
class DocumentedVerificationTest {

    private static final Path FORMAT_DOC = Path.of("..", "docs", "evidence-format.md");
    private static final Pattern SCRIPT_BLOCK =
            Pattern.compile("```bash\n(#!/usr/bin/env bash\n# verify-bundle\\.sh.*?)```", Pattern.DOTALL);

    @TempDir
    Path temp;

    private final SigningKey key = SigningKey.generate();

    @BeforeAll
    static void requireTools() throws Exception {
        for (String tool : List.of("bash", "openssl", "jq", "sha256sum", "base64", "cmp", "find")) {
            assumeTrue(onPath(tool), tool + " is not installed, and the documented procedure needs it");
        }
        String version = run(List.of("openssl", "version")).output().strip();
        assumeTrue(version.matches("OpenSSL [3-9].*"),
                "OpenSSL 3.0 or later is needed for Ed25519 with pkeyutl -rawin, found: " + version);
    }

    @Test
    void scriptAcceptsSealedBundle() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("task-42"), key);

        Result result = runScript(bundle.directory());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK: bundle task-42-a1b2 verified, 11 journal entries, signed by key "
                + key.keyId());
    }

    @Test
    void scriptAcceptsUnzippedBundle() throws Exception {
        assumeTrue(onPath("unzip"), "unzip is not installed, and the documented procedure uses it for zipped bundles");
        SealedBundle bundle = SampleBundles.seal(temp.resolve("task-42"), key);
        Path unpacked = temp.resolve("unpacked");

        Result unzip = run(List.of("unzip", "-q", bundle.zip().toString(), "-d", unpacked.toString()));
        Result result = runScript(unpacked);

        assertThat(unzip.exitCode()).as(unzip.output()).isZero();
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void scriptAcceptsTrustedKeyFile() throws Exception {
        Path keys = temp.resolve("keys");
        SigningKey stored = SigningKey.loadOrCreate(keys);
        SealedBundle bundle = SampleBundles.seal(temp.resolve("task-42"), stored);

        Result result = runScript(bundle.directory(), keys.resolve(SigningKey.PUBLIC_KEY_FILE).toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void scriptRejectsOtherTrustedKey() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("task-42"), key);
        Path otherKeys = temp.resolve("other-keys");
        SigningKey.loadOrCreate(otherKeys);

        Result result = runScript(bundle.directory(), otherKeys.resolve(SigningKey.PUBLIC_KEY_FILE).toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("FAILED: manifest.json: signed by key " + key.keyId());
    }

    @Test
    void scriptRejectsEachFlippedFile() throws Exception {
        for (String file : SampleBundles.FILES) {
            Path directory = temp.resolve("flipped-" + file.replace('/', '-'));
            SealedBundle bundle = SampleBundles.seal(directory, key);
            SampleBundles.flipByte(bundle.directory().resolve(file), -2);

            Result result = runScript(bundle.directory());

            assertThat(result.exitCode()).as("flipped %s: %s", file, result.output()).isNotZero();
            assertThat(result.output()).as(file).contains("FAILED");
        }
    }

    @Test
    void scriptRejectsAddedFile() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("task-42"), key);
        Files.writeString(bundle.directory().resolve("downloads/planted.txt"), "planted");

        Result result = runScript(bundle.directory());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("FAILED: files differ from manifest.json").contains("downloads/planted.txt");
    }

    private Result runScript(Path bundle, String... trustedKey) throws Exception {
        Matcher matcher = SCRIPT_BLOCK.matcher(Files.readString(FORMAT_DOC));
        assertThat(matcher.find()).as("a bash block starting with '# verify-bundle.sh' in " + FORMAT_DOC).isTrue();
        Path script = Files.writeString(temp.resolve("verify-bundle.sh"), matcher.group(1));
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), bundle.toString()));
        command.addAll(List.of(trustedKey));
        return run(command);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Command did not finish within 60 s: " + command);
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }
}
