package dev.airlock.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.html}, the human-readable summary of a bundle. Every value from the task is HTML-escaped,
 * and a content security policy keeps the page from running scripts or loading remote content.
 */
final class ReportWriter {

    static final String FILE = "report.html";

    private final StringBuilder html = new StringBuilder();

    /** Everything the report shows. The files are those already in the bundle, with their hashes. */
    record Contents(BundleInfo info, Instant endedAt, String keyId, String chainHead, Map<String, ?> summary,
            List<JournalEntry> journal, List<NetworkEvent> blocked, List<NetworkLog.OriginCount> origins,
            List<Manifest.FileEntry> files) {
    }

    static byte[] render(Contents contents) {
        ReportWriter writer = new ReportWriter();
        writer.header(contents);
        writer.journal(contents.journal());
        writer.network(contents.blocked(), contents.origins());
        writer.files(contents.files());
        writer.html.append("<p>This report is a convenience. The signed manifest.json and manifest.sig are the evidence;"
                + " verify them as described in the evidence format documentation.</p>\n</body>\n</html>\n");
        return writer.html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void header(Contents contents) {
        BundleInfo info = contents.info();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self' file:;"
                        + " style-src 'unsafe-inline'\">\n")
                .append("<title>Evidence bundle ").append(escape(info.bundleId())).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:4px;text-align:left;vertical-align:top}"
                        + "code{white-space:pre-wrap;word-break:break-all}.time{white-space:nowrap}img{max-width:640px;border:1px solid #999}</style>\n")
                .append("</head>\n<body>\n<h1>Evidence bundle ").append(escape(info.bundleId())).append("</h1>\n<table>\n");
        row("Agent identity", info.identityId());
        row("Containment level", info.containmentLevel());
        row("Started", info.startedAt().toString());
        row("Ended", contents.endedAt().toString());
        row("Signing key id", contents.keyId());
        row("Journal entries", String.valueOf(contents.journal().size()));
        row("Journal chain head", contents.chainHead());
        for (Map.Entry<String, ?> entry : contents.summary().entrySet()) {
            Object value = entry.getValue();
            row("Summary: " + entry.getKey(), value instanceof String text ? text : json(value));
        }
        html.append("</table>\n");
    }

    private void journal(List<JournalEntry> entries) {
        html.append("<h2>Steps and decisions</h2>\n<table>\n<tr><th>#</th><th>Time</th><th>Type</th><th>Details</th></tr>\n");
        for (JournalEntry entry : entries) {
            html.append("<tr><td>").append(entry.seq()).append("</td><td class=\"time\">").append(escape(entry.time().toString()))
                    .append("</td><td>").append(escape(entry.type())).append("</td><td><code>")
                    .append(escape(json(entry.data()))).append("</code>");
            if ("screenshot".equals(entry.type()) && entry.data().get("path") instanceof String path) {
                html.append("<br><img src=\"").append(escape(path)).append("\" alt=\"Screenshot ")
                        .append(escape(path)).append("\">");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void network(List<NetworkEvent> blocked, List<NetworkLog.OriginCount> origins) {
        html.append("<h2>Network</h2>\n<table>\n<tr><th>Origin</th><th>Allowed</th><th>Blocked</th></tr>\n");
        for (NetworkLog.OriginCount origin : origins) {
            html.append("<tr><td>").append(escape(origin.origin())).append("</td><td>").append(origin.allowed())
                    .append("</td><td>").append(origin.blocked()).append("</td></tr>\n");
        }
        html.append("</table>\n<h3>Blocked requests (").append(blocked.size()).append(")</h3>\n<table>\n")
                .append("<tr><th>Time</th><th>Method</th><th>URL</th><th>Type</th><th>Initiator</th><th>Reason</th></tr>\n");
        for (NetworkEvent event : blocked) {
            html.append("<tr>");
            for (String value : new String[] {String.valueOf(event.time()), event.method(), event.url(),
                    event.resourceType(), event.initiator(), event.reason()}) {
                html.append("<td>").append(escape(String.valueOf(value))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void files(List<Manifest.FileEntry> files) {
        html.append("<h2>Files</h2>\n<p>SHA-256 at sealing time. This report is listed in manifest.json"
                + " with its own hash.</p>\n<table>\n<tr><th>Path</th><th>Size (bytes)</th><th>SHA-256</th></tr>\n");
        for (Manifest.FileEntry file : files) {
            html.append("<tr><td>").append(escape(file.path())).append("</td><td>").append(file.size())
                    .append("</td><td><code>").append(escape(file.sha256())).append("</code></td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void row(String label, String value) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String json(Object value) {
        return new String(CanonicalJson.write(value), StandardCharsets.UTF_8);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
