package dev.airlock.evidence;

import java.util.Set;
import java.util.regex.Pattern;

/** Rules for file paths inside a bundle, shared by the recorder and the verifier. */
final class BundlePaths {

    /** One path segment: starts with a letter or digit, so {@code .} and {@code ..} cannot occur. */
    static final String SEGMENT = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    static final Pattern NAME = Pattern.compile(SEGMENT);
    static final Pattern RELATIVE_PATH = Pattern.compile(SEGMENT + "(/" + SEGMENT + "){0,7}");
    static final String SCREENSHOTS = "screenshots/";

    /** Files the recorder writes itself, which callers cannot add. */
    static final Set<String> RESERVED = Set.of(JournalWriter.FILE, NetworkLog.FILE, ReportWriter.FILE, Manifest.FILE,
            Manifest.SIGNATURE_FILE);

    private BundlePaths() {
    }

    static boolean isValid(String path) {
        return path != null && RELATIVE_PATH.matcher(path).matches();
    }
}
