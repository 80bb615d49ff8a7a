package dev.airlock.automation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Removes secrets from a Playwright trace. A trace stores the arguments of every action, DOM snapshots with input
 * values and request bodies, so a typed secret appears in it as plain, JSON-escaped or URL-encoded text. Every such
 * byte sequence in every entry is overwritten with asterisks of the same length, which keeps binary entries intact.
 *
 * <p>NOTE: screencast frames are images, which this cannot redact. The runner records traces without a screencast
 * for that reason.
 */
final class TraceRedactor {

    private final List<byte[]> patterns;

    TraceRedactor(Collection<String> secrets) {
        Set<String> variants = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            variants.add(secret);
            variants.add(jsonEscaped(secret));
            variants.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            variants.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        this.patterns = new ArrayList<>();
        variants.forEach(variant -> patterns.add(variant.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the trace zip's bytes with every secret overwritten. */
    byte[] redact(Path traceZip) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (InputStream file = Files.newInputStream(traceZip);
                ZipInputStream in = new ZipInputStream(file);
                ZipOutputStream out = new ZipOutputStream(result)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                mask(content);
                out.putNextEntry(new ZipEntry(entry.getName()));
                write(out, content);
                out.closeEntry();
            }
        }
        return result.toByteArray();
    }

    /** Tells whether the bytes still contain a secret in any of the encodings this redactor covers. */
    boolean containsSecret(byte[] content) {
        for (byte[] pattern : patterns) {
            if (indexOf(content, pattern, 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void mask(byte[] content) {
        for (byte[] pattern : patterns) {
            for (int at = indexOf(content, pattern, 0); at >= 0; at = indexOf(content, pattern, at + pattern.length)) {
                java.util.Arrays.fill(content, at, at + pattern.length, (byte) '*');
            }
        }
    }

    private static int indexOf(byte[] content, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(OutputStream out, byte[] content) throws IOException {
        out.write(content);
    }

    private static String jsonEscaped(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }
}
