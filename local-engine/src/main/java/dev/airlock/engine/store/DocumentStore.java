package dev.airlock.engine.store;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Documents uploaded through the documents API, stored with their content. */
public final class DocumentStore {

  /** A document; {@code contentHash} is the SHA-256 of the content in lower-case hex. */
  public record DocumentRow(
      String documentId,
      String storeId,
      byte[] content,
      String contentHash,
      String metadataJson,
      long createdAt) {}

  private final JdbcClient jdbc;

  public DocumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(DocumentRow row) {
    jdbc.sql(
            """
            INSERT INTO document (document_id, store_id, content, content_hash, metadata_json,
              created_at)
            VALUES (:documentId, :storeId, :content, :contentHash, :metadataJson, :createdAt)""")
        .paramSource(row)
        .update();
  }

  public Optional<DocumentRow> find(String documentId) {
    return jdbc.sql("SELECT * FROM document WHERE document_id = ?")
        .param(documentId)
        .query(RecordRowMapper.of(DocumentRow.class))
        .optional();
  }

  public boolean delete(String documentId) {
    return jdbc.sql("DELETE FROM document WHERE document_id = ?").param(documentId).update() > 0;
  }
}
