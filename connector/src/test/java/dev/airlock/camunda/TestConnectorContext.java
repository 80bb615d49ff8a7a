package dev.airlock.camunda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.camunda.model.DocumentReferenceVariable;
import io.camunda.connector.api.document.Document;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.document.DocumentReference;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.secret.SecretContext;
import io.camunda.connector.api.secret.SecretProvider;
import io.camunda.connector.document.jackson.JacksonModuleDocumentDeserializer;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.AbstractConnectorContext;
import io.camunda.connector.runtime.core.document.CamundaDocumentReferenceImpl;
import io.camunda.connector.runtime.core.document.DocumentFactoryImpl;
import io.camunda.connector.runtime.core.document.store.InMemoryDocumentStore;
import io.camunda.connector.runtime.core.intrinsic.DefaultIntrinsicFunctionExecutor;
import io.camunda.connector.validation.impl.DefaultValidationProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Outbound connector context for tests, built from the connector runtime's own parts: its secret
 * replacement, object mapper with document support, Jakarta validation and in-memory document store.
 * {@code connector-runtime-test} is not available here, so this class replaces its context builder.
 */
final class TestConnectorContext extends AbstractConnectorContext implements OutboundConnectorContext {

  private final String variables;
  private final DocumentFactory documents = new DocumentFactoryImpl(InMemoryDocumentStore.INSTANCE);
  private final ObjectMapper json;
  private final JobContext job;

  TestConnectorContext(String variables, Map<String, String> secrets, long processInstanceKey) {
    super(secretProvider(secrets), new DefaultValidationProvider());
    this.variables = variables;
    ObjectMapper mapper = ConnectorsObjectMapperSupplier.getCopy();
    this.json =
        mapper.registerModule(
            new JacksonModuleDocumentDeserializer(documents, new DefaultIntrinsicFunctionExecutor(mapper)));
    this.job = new Job(processInstanceKey, variables);
  }

  static TestConnectorContext of(Map<String, Object> variables, Map<String, String> secrets) {
    try {
      return new TestConnectorContext(new ObjectMapper().writeValueAsString(variables), secrets, 2251799813685249L);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Copies a document this context created to {@code target}. */
  static void download(DocumentReferenceVariable document, Path target) throws IOException {
    var reference =
        new CamundaDocumentReferenceImpl(document.storeId(), document.documentId(), document.contentHash(), null);
    try (InputStream content = InMemoryDocumentStore.INSTANCE.getDocumentContent(reference)) {
      Files.copy(content, target);
    }
  }

  @Override
  public JobContext getJobContext() {
    return job;
  }

  @Override
  public <T> T bindVariables(Class<T> type) {
    String replaced = getSecretHandler().replaceSecrets(variables, new SecretContext("<default>"));
    T bound;
    try {
      bound = json.readValue(replaced, type);
    } catch (JsonProcessingException e) {
      throw new ConnectorInputException(e.getOriginalMessage(), e);
    }
    getValidationProvider().validate(bound);
    return bound;
  }

  @Override
  public Document resolve(DocumentReference reference) {
    return documents.resolve(reference);
  }

  @Override
  public Document create(DocumentCreationRequest request) {
    return documents.create(request);
  }

  private static SecretProvider secretProvider(Map<String, String> secrets) {
    return new SecretProvider() {
      @Override
      public String getSecret(String name) {
        return secrets.get(name);
      }

      @Override
      public String getSecret(String name, SecretContext context) {
        return secrets.get(name);
      }
    };
  }

  private record Job(long processInstanceKey, String variables) implements JobContext {

    @Override
    public Map<String, String> getCustomHeaders() {
      return Map.of();
    }

    @Override
    public String getVariables() {
      return variables;
    }

    @Override
    public String getType() {
      return AirlockBrowserTaskConnector.JOB_TYPE;
    }

    @Override
    public long getProcessInstanceKey() {
      return processInstanceKey;
    }

    @Override
    public String getBpmnProcessId() {
      return "airlock-test";
    }

    @Override
    public int getProcessDefinitionVersion() {
      return 1;
    }

    @Override
    public long getProcessDefinitionKey() {
      return 2251799813685248L;
    }

    @Override
    public String getElementId() {
      return "BrowserTask";
    }

    @Override
    public long getElementInstanceKey() {
      return 2251799813685250L;
    }

    @Override
    public String getTenantId() {
      return "<default>";
    }
  }
}
