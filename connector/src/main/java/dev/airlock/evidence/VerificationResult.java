package dev.airlock.evidence;

import java.util.List;

/**
 * Outcome of {@link BundleVerifier#verify(java.nio.file.Path)}.
 *
 * @param valid whether every check passed
 * @param firstProblem the first failed check, starting with the broken item (a file name, {@code journal.jsonl line N},
 *     or {@code manifest.sig}), or null when valid
 * @param checked the checks that passed, in order, one line each
 */
public record VerificationResult(boolean valid, String firstProblem, List<String> checked) {
}
