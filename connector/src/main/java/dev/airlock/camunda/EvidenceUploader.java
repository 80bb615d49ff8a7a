package dev.airlock.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.camunda.model.DocumentReferenceVariable;
import dev.airlock.camunda.model.EvidenceSummary;
import dev.airlock.evidence.Digests;
import dev.airlock.evidence.SealedBundle;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Uploads one task's evidence as Camunda documents through the connector context and keeps the
 * list of every document it created, in upload order.
 */
final class EvidenceUploader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutboundConnectorContext context;
  private final Duration timeToLive;
  private final SealedBundle bundle;
  private final List<DocumentReferenceVariable> uploaded = new ArrayList<>();

  EvidenceUploader(OutboundConnectorContext context, Duration timeToLive, SealedBundle bundle) {
    this.context = context;
    this.timeToLive = timeToLive;
    this.bundle = bundle;
  }

  /** Uploads the bundle zip and its report and returns the reference of the zip. */
  DocumentReferenceVariable uploadBundle() {
    DocumentReferenceVariable zip = upload(bundle.zip(), "application/zip", "bundle");
    upload(bundle.directory().resolve("report.html"), "text/html", "report");
    return zip;
  }

  /** Uploads a screenshot of the bundle, such as the screen before a pending action. */
  DocumentReferenceVariable uploadScreenshot(Path png) {
    return upload(png, "image/png", "screenshot");
  }

  /**
   * Uploads the bundle's last screenshot, which shows the page as the task left it; does nothing
   * when the bundle has no screenshot.
   */
  void uploadFinalScreenshot() {
    Path folder = bundle.directory().resolve("screenshots");
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(file -> file.getFileName().toString().endsWith(".png"))
          .max(Path::compareTo)
          .ifPresent(this::uploadScreenshot);
    } catch (IOException e) {
      throw failed(folder, e);
    }
  }

  /** Uploads a downloaded file, given by its path inside the bundle such as {@code downloads/invoice.pdf}. */
  DocumentReferenceVariable uploadDownload(String bundlePath) {
    Path file = bundle.directory().resolve(bundlePath);
    return upload(file, probeContentType(file), "download");
  }

  List<DocumentReferenceVariable> uploaded() {
    return Collections.unmodifiableList(uploaded);
  }

  /** Summarizes the bundle from its seal and its manifest.json (format version 1). */
  EvidenceSummary summary(String identityId, int stepCount, DocumentReferenceVariable zip) {
    JsonNode manifest = readManifest();
    return new EvidenceSummary(
        bundle.bundleId(),
        bundle.manifestSha256(),
        bundle.signature(),
        bundle.keyId(),
        bundle.chainHead(),
        bundle.journalEntries(),
        identityId,
        manifest.path("containmentLevel").asText(null),
        stepCount,
        manifest.path("startedAt").asText(null),
        manifest.path("endedAt").asText(null),
        zip);
  }

  private DocumentReferenceVariable upload(Path file, String contentType, String kind) {
    try (InputStream content = Files.newInputStream(file)) {
      var request =
          DocumentCreationRequest.from(content)
              .contentType(contentType)
              .fileName(bundle.bundleId() + "-" + file.getFileName())
              .processInstanceKey(context.getJobContext().getProcessInstanceKey())
              .processDefinitionId(context.getJobContext().getBpmnProcessId())
              .customProperties(
                  Map.of("airlockBundleId", bundle.bundleId(), "airlockKind", kind, "sha256", Digests.sha256Hex(file)));
      if (timeToLive != null) {
        request.timeToLive(timeToLive);
      }
      DocumentReferenceVariable reference = DocumentReferenceVariable.of(context.create(request.build()));
      uploaded.add(reference);
      return reference;
    } catch (IOException e) {
      throw failed(file, e);
    }
  }

  private JsonNode readManifest() {
    Path manifest = bundle.directory().resolve("manifest.json");
    try {
      return JSON.readTree(manifest.toFile());
    } catch (IOException e) {
      throw failed(manifest, e);
    }
  }

  private static String probeContentType(Path file) {
    try {
      String type = Files.probeContentType(file);
      return type == null ? "application/octet-stream" : type;
    } catch (IOException e) {
      return "application/octet-stream";
    }
  }

  private ConnectorRetryException failed(Path file, IOException cause) {
    return ConnectorRetryException.builder()
        .message(
            "Failed to read " + file + " of evidence bundle " + bundle.bundleId()
                + " for upload; check the evidence folder's disk and permissions")
        .cause(cause)
        .build();
  }
}
