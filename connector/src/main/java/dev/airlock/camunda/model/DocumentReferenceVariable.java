package dev.airlock.camunda.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentMetadata;
import io.camunda.connector.api.document.DocumentReference.CamundaDocumentReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Camunda document reference in the shape Operate, Tasklist and the connector runtime read from
 * process variables: {@code {"camunda.document.type":"camunda", "storeId", "documentId",
 * "contentHash", "metadata"}}.
 *
 * <p>The result contains these plain records, not SDK {@link Document} objects, so the variables look
 * the same whether the runtime stores the result through a result variable or a result expression.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentReferenceVariable(
    @JsonProperty("camunda.document.type") String documentType,
    String storeId,
    String documentId,
    String contentHash,
    Map<String, Object> metadata) {

  /** Converts the reference of a document the connector created. */
  public static DocumentReferenceVariable of(Document document) {
    if (!(document.reference() instanceof CamundaDocumentReference reference)) {
      throw new IllegalStateException(
          "The document store returned a " + document.reference().getClass().getSimpleName()
              + " instead of a Camunda document reference; check the runtime's document store");
    }
    return new DocumentReferenceVariable(
        "camunda",
        reference.getStoreId(),
        reference.getDocumentId(),
        reference.getContentHash(),
        metadataOf(reference.getMetadata()));
  }

  private static Map<String, Object> metadataOf(DocumentMetadata metadata) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (metadata == null) {
      return values;
    }
    putIfPresent(values, "contentType", metadata.getContentType());
    putIfPresent(values, "fileName", metadata.getFileName());
    putIfPresent(values, "size", metadata.getSize());
    putIfPresent(values, "expiresAt", metadata.getExpiresAt() == null ? null : metadata.getExpiresAt().toString());
    putIfPresent(values, "processDefinitionId", metadata.getProcessDefinitionId());
    putIfPresent(values, "processInstanceKey", metadata.getProcessInstanceKey());
    if (metadata.getCustomProperties() != null && !metadata.getCustomProperties().isEmpty()) {
      values.put("customProperties", Map.copyOf(metadata.getCustomProperties()));
    }
    return values;
  }

  private static void putIfPresent(Map<String, Object> values, String key, Object value) {
    if (value != null) {
      values.put(key, value);
    }
  }
}
