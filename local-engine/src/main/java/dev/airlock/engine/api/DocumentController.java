package dev.airlock.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.engine.EngineException;
import dev.airlock.engine.store.DocumentStore.DocumentRow;
import io.camunda.client.protocol.rest.DocumentMetadata;
import io.camunda.client.protocol.rest.DocumentReference;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents stored in the engine's database under the store id {@value #STORE_ID}. A reference
 * always carries its metadata, as the connector runtime expects.
 */
@EngineApi
@ResponseBody
@RequestMapping("/v2/documents")
final class DocumentController {

  static final String STORE_ID = "local-engine";

  // TODO: expiresAt is stored in the metadata but not enforced; documents stay until deleted.

  private final Engine engine;
  private final ObjectMapper mapper;

  DocumentController(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.mapper = mapper;
  }

  @PostMapping(consumes = "multipart/form-data")
  ResponseEntity<DocumentReference> create(@RequestPart("file") MultipartFile file,
      @RequestPart(value = "metadata", required = false) String metadataJson,
      @RequestParam(value = "storeId", required = false) String storeId,
      @RequestParam(value = "documentId", required = false) String documentId)
      throws IOException {
    if (storeId != null && !storeId.isBlank() && !STORE_ID.equals(storeId)) {
      throw EngineException.invalidArgument("Document store '" + storeId + "' does not exist;"
          + " the local engine has one store, '" + STORE_ID + "'");
    }
    var metadata = metadata(metadataJson);
    var content = file.getBytes();
    if (metadata.getContentType() == null) {
      metadata.contentType(file.getContentType());
    }
    if (metadata.getFileName() == null) {
      metadata.fileName(file.getOriginalFilename());
    }
    metadata.size((long) content.length);

    var id = documentId == null || documentId.isBlank() ? UUID.randomUUID().toString()
        : documentId;
    if (engine.stores().documents().find(id).isPresent()) {
      throw EngineException.invalidState("Document '" + id + "' already exists; choose another"
          + " document id or let the engine create one");
    }
    var row = new DocumentRow(id, STORE_ID, content, sha256(content),
        mapper.writeValueAsString(metadata), System.currentTimeMillis());
    engine.stores().documents().insert(row);
    return ResponseEntity.status(HttpStatus.CREATED).body(reference(row, metadata));
  }

  @GetMapping("/{documentId}")
  ResponseEntity<byte[]> get(@PathVariable("documentId") String documentId,
      @RequestParam(value = "storeId", required = false) String storeId,
      @RequestParam(value = "contentHash", required = false) String contentHash)
      throws JsonProcessingException {
    var row = find(documentId);
    if (contentHash != null && !contentHash.isBlank() && !contentHash.equals(row.contentHash())) {
      throw EngineException.notFound("Document '" + documentId + "' does not have the content"
          + " hash '" + contentHash + "'; use the hash from its document reference");
    }
    var metadata = mapper.readValue(row.metadataJson(), DocumentMetadata.class);
    MediaType type = contentType(metadata.getContentType());
    var response = ResponseEntity.ok().contentType(type).header("X-Content-Type-Options", "nosniff");
    if (!MediaType.APPLICATION_PDF.equalsTypeAndSubtype(type)) {
      // Documents come from automation (a downloaded page, an evidence report): opened directly
      // they must not run scripts on the engine's origin, which serves the task list. Chromium
      // does not display a PDF in a sandboxed document, and its viewer runs no page scripts.
      response.header("Content-Security-Policy", "sandbox");
    }
    return response.body(row.content());
  }

  private static MediaType contentType(String declared) {
    if (declared == null || declared.isBlank()) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
    try {
      return MediaType.parseMediaType(declared);
    } catch (InvalidMediaTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }

  @DeleteMapping("/{documentId}")
  ResponseEntity<Void> delete(@PathVariable("documentId") String documentId) {
    if (!engine.stores().documents().delete(documentId)) {
      throw EngineException.notFound("Document '" + documentId + "' not found");
    }
    return ResponseEntity.noContent().build();
  }

  private DocumentRow find(String documentId) {
    return engine.stores().documents().find(documentId).orElseThrow(() ->
        EngineException.notFound("Document '" + documentId + "' not found"));
  }

  private DocumentMetadata metadata(String json) {
    if (json == null || json.isBlank()) {
      return new DocumentMetadata();
    }
    try {
      return mapper.readValue(json, DocumentMetadata.class);
    } catch (JsonProcessingException e) {
      throw EngineException.invalidArgument("The 'metadata' part is not a valid document"
          + " metadata JSON object: " + e.getOriginalMessage());
    }
  }

  private static DocumentReference reference(DocumentRow row, DocumentMetadata metadata) {
    return new DocumentReference()
        .camundaDocumentType(DocumentReference.CamundaDocumentTypeEnum.CAMUNDA)
        .storeId(row.storeId())
        .documentId(row.documentId())
        .contentHash(row.contentHash())
        .metadata(metadata);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
