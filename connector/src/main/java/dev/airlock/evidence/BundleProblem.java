package dev.airlock.evidence;

/** A reason a bundle does not verify. Its message names the broken item first, for example {@code manifest.sig: ...}. */
final class BundleProblem extends Exception {

    BundleProblem(String message) {
        super(message, null, false, false);
    }
}
