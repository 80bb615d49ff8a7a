package dev.airlock.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Builds sealed bundles shaped like a real task's, and helpers to tamper with them. */
final class SampleBundles {

    /** Every file a sample bundle contains, by bundle path. */
    static final List<String> FILES = List.of("journal.jsonl", "network.jsonl", "screenshots/before-pay.png",
            "screenshots/after-pay.png", "downloads/invoice-INV-1001.pdf", "trace.zip", "video.webm", "report.html",
            "manifest.json", "manifest.sig");

    private SampleBundles() {
    }

    static BundleInfo info(String bundleId) {
        return new BundleInfo(bundleId, "agent-invoice-clerk", "process", Instant.parse("2026-12-04T10:15:30Z"));
    }

    /** Records and seals a bundle of a task that logs in, extracts a total, downloads a PDF and pays. */
    static SealedBundle seal(Path directory, SigningKey key) {
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, info("task-42-a1b2"), key)) {
            recorder.append("decision", Map.of("step", 0, "verdict", "ALLOW", "rule", "default"));
            recorder.append("step-finished", Map.of("step", 0, "action", "fill", "label", "Password",
                    "valueDigest", Digests.valueDigest("demo-password")));
            recorder.recordNetwork(event("http", "127.0.0.1", 8090, "http://127.0.0.1:8090/login", NetworkEvent.ALLOWED, 200));
            recorder.recordNetwork(event("https", "tracker.invalid", 443, "https://tracker.invalid/pixel.gif",
                    NetworkEvent.BLOCKED, null));
            recorder.append("extract", Map.of("step", 1, "output", "total", "value", "EUR 1,250.00"));
            recorder.addFile("downloads/invoice-INV-1001.pdf", "%PDF-1.4\nsample\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            recorder.addScreenshot("before-pay", png(0xff0000));
            recorder.append("decision", Map.of("step", 2, "verdict", "CHECKPOINT", "rule", "high-risk-click",
                    "fingerprint", Digests.sha256Hex(new byte[] {1})));
            recorder.addScreenshot("after-pay", png(0x00ff00));
            recorder.addFile("trace.zip", zipOf("trace.trace", "{\"type\":\"action\"}\n"));
            recorder.addFile("video.webm", new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 1, 2, 3, 4, 5, 6, 7, 8});
            return recorder.seal(Map.of("status", "COMPLETED", "steps", 3));
        }
    }

    static NetworkEvent event(String scheme, String host, int port, String url, String verdict, Integer status) {
        return new NetworkEvent(Instant.parse("2026-12-04T10:15:31Z"), "GET", url, scheme, host, port, "document",
                "http://127.0.0.1:8090/invoices", verdict, NetworkEvent.BLOCKED.equals(verdict) ? "origin not allowed" : "allowlist",
                status);
    }

    static byte[] png(int rgb) {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 3; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zipOf(String name, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Flips every bit of the byte at the position, where a negative position counts from the end. */
    static void flipByte(Path file, int position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int index = position >= 0 ? position : bytes.length + position;
        bytes[index] ^= (byte) 0xff;
        Files.write(file, bytes);
    }

    /** Zips a bundle folder the way the recorder does, for tests that tamper with the folder first. */
    static Path zipFolder(Path directory, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(directory.relativize(file).toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
