package dev.airlock.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final String HOSTILE = "<script>alert('x')</script>\"&";

    @TempDir
    Path temp;

    private final SigningKey key = SigningKey.generate();

    @Test
    void reportShowsIdentityStepsNetworkAndHashes() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        String html = Files.readString(bundle.directory().resolve("report.html"));

        assertThat(html).contains("<h1>Evidence bundle task-42-a1b2</h1>");
        assertThat(html).contains("<th>Agent identity</th><td>agent-invoice-clerk</td>");
        assertThat(html).contains("<th>Started</th><td>2026-12-04T10:15:30Z</td>");
        assertThat(html).contains("<th>Signing key id</th><td>" + key.keyId() + "</td>");
        assertThat(html).contains("<td>decision</td>").contains("CHECKPOINT").contains("high-risk-click");
        assertThat(html).contains("<img src=\"screenshots/before-pay.png\" alt=\"Screenshot screenshots/before-pay.png\">");
        assertThat(html).contains("<h3>Blocked requests (1)</h3>").contains("https://tracker.invalid/pixel.gif");
        assertThat(html).contains("<tr><td>https://tracker.invalid:443</td><td>0</td><td>1</td></tr>");
        String pdfHash = Digests.sha256Hex(bundle.directory().resolve("downloads/invoice-INV-1001.pdf"));
        assertThat(html).contains("<td>downloads/invoice-INV-1001.pdf</td>").contains(pdfHash);
        assertThat(html).contains("<th>Summary: status</th><td>COMPLETED</td>");
        assertThat(html).contains("<th>Summary: steps</th><td>3</td>");
    }

    @Test
    void everyValueIsEscaped() throws Exception {
        Path directory = temp.resolve("bundle");
        BundleInfo info = new BundleInfo("b-" + 1, HOSTILE, HOSTILE, Instant.parse("2026-12-04T10:15:30Z"));
        try (EvidenceRecorder recorder = EvidenceRecorder.open(directory, info, key)) {
            recorder.append("step-finished", Map.of(HOSTILE, HOSTILE));
            recorder.recordNetwork(new NetworkEvent(Instant.parse("2026-12-04T10:15:31Z"), HOSTILE, HOSTILE, HOSTILE,
                    HOSTILE, 443, HOSTILE, HOSTILE, NetworkEvent.BLOCKED, HOSTILE, null));
            recorder.seal(Map.of(HOSTILE, HOSTILE));
        }

        String html = Files.readString(directory.resolve("report.html"));

        assertThat(html).doesNotContain("<script>");
        assertThat(html).doesNotContain("'x'");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;");
    }

    @Test
    void reportForbidsRemoteContent() throws Exception {
        SealedBundle bundle = SampleBundles.seal(temp.resolve("bundle"), key);

        String html = Files.readString(bundle.directory().resolve("report.html"));

        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    }
}
