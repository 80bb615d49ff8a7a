package dev.airlock.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.camunda.model.BrowserTaskResult;
import dev.airlock.camunda.model.DocumentReferenceVariable;
import dev.airlock.camunda.model.EvidenceSummary;
import dev.airlock.camunda.model.TaskResult;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import io.camunda.connector.jackson.ConnectorsObjectMapperSupplier;
import io.camunda.connector.runtime.core.ConnectorResultHandler;
import io.camunda.connector.runtime.core.error.BpmnError;
import io.camunda.connector.runtime.core.error.ConnectorError;
import io.camunda.connector.runtime.core.outbound.ErrorExpressionJobContext;
import io.camunda.connector.runtime.core.outbound.ErrorExpressionJobContext.ErrorExpressionJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the element template's default error and result expressions with the connector
 * runtime's own {@link ConnectorResultHandler} (connector-runtime-core 8.8.7), the class the
 * runtime's job handler calls after the connector returns or throws.
 */
class ErrorAndResultExpressionTest {

  private final ConnectorResultHandler handler = new ConnectorResultHandler(ConnectorsObjectMapperSupplier.getCopy());

  @Test
  void checkpointBecomesBpmnErrorWithVariables() {
    Map<String, Object> checkpoint = Map.of("fingerprint", "ab".repeat(32), "description", "Click button 'Pay'");
    ConnectorException exception =
        OutcomeMapper.airlockError(
            AirlockErrorCodes.CHECKPOINT, "Step 1 needs approval: Click button 'Pay'", Map.of("airlockCheckpoint", checkpoint));

    Optional<ConnectorError> error = evaluateErrorExpression(failureAsRuntimeSeesIt(exception));

    assertThat(error).get().isInstanceOf(BpmnError.class);
    BpmnError bpmnError = (BpmnError) error.get();
    assertThat(bpmnError.errorCode()).isEqualTo(AirlockErrorCodes.CHECKPOINT);
    assertThat(bpmnError.errorMessage()).isEqualTo("Step 1 needs approval: Click button 'Pay'");
    assertThat(bpmnError.variables().get("airlockCheckpoint"))
        .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
        .containsEntry("fingerprint", "ab".repeat(32));
  }

  @Test
  void everyAirlockCodeBecomesBpmnError() {
    for (String code : AirlockErrorCodes.ALL) {
      ConnectorException exception = OutcomeMapper.airlockError(code, "failed", Map.of());

      Optional<ConnectorError> error = evaluateErrorExpression(failureAsRuntimeSeesIt(exception));

      assertThat(error).as("error for %s", code).get().isInstanceOf(BpmnError.class);
      assertThat(((BpmnError) error.get()).errorCode()).as("code for %s", code).isEqualTo(code);
    }
  }

  @Test
  void otherFailureStaysJobFailure() {
    ConnectorException exception = new ConnectorException("Browser task failed: connection refused");

    assertThat(evaluateErrorExpression(failureAsRuntimeSeesIt(exception))).isEmpty();
  }

  @Test
  void successRaisesNoError() {
    assertThat(evaluateErrorExpression(result())).isEmpty();
  }

  @Test
  void resultExpressionCreatesThreeVariables() {
    String expression = AirlockBrowserTaskConnector.class.getAnnotation(ElementTemplate.class).defaultResultExpression();

    Map<String, Object> variables = handler.createOutputVariables(result(), null, expression);

    assertThat(variables).containsOnlyKeys("airlockResult", "airlockEvidence", "airlockDocuments");
    assertThat(variables.get("airlockDocuments"))
        .asInstanceOf(InstanceOfAssertFactories.list(Map.class))
        .singleElement()
        .satisfies(document -> assertThat(document).containsEntry("camunda.document.type", "camunda"));
  }

  @Test
  void resultVariableKeepsDocumentShape() {
    Map<String, Object> variables = handler.createOutputVariables(result(), "browserTask", null);

    Map<?, ?> stored = ConnectorsObjectMapperSupplier.getCopy().convertValue(variables.get("browserTask"), Map.class);

    assertThat(stored.get("documents"))
        .asInstanceOf(InstanceOfAssertFactories.list(Map.class))
        .singleElement()
        .satisfies(document -> assertThat(document).containsEntry("camunda.document.type", "camunda"));
  }

  @Test
  void jobTypeIsVersioned() {
    assertThat(AirlockBrowserTaskConnector.class.getAnnotation(OutboundConnector.class).type())
        .isEqualTo("dev.airlock:browser-task:1");
  }

  private Optional<ConnectorError> evaluateErrorExpression(Object response) {
    return handler.examineErrorExpression(
        response,
        Map.of("errorExpression", AirlockErrorCodes.DEFAULT_ERROR_EXPRESSION),
        new ErrorExpressionJobContext(new ErrorExpressionJob(3)));
  }

  /**
   * Returns the value the connector runtime hands to the error expression for a thrown exception:
   * {@code {"error": {"type", "message", "code", "variables"}}}, as built by
   * OutboundConnectorExceptionHandler in connector-runtime-spring 8.8.7.
   */
  private static Map<String, Object> failureAsRuntimeSeesIt(ConnectorException exception) {
    Map<String, Object> error = new HashMap<>();
    error.put("type", exception.getClass().getName());
    error.put("message", exception.getMessage());
    if (exception.getErrorCode() != null) {
      error.put("code", exception.getErrorCode());
    }
    if (exception.getErrorVariables() != null) {
      error.put("variables", exception.getErrorVariables());
    }
    return Map.of("error", error);
  }

  private static BrowserTaskResult result() {
    DocumentReferenceVariable zip =
        new DocumentReferenceVariable(
            "camunda", "in-memory", "doc-1", "hash-1", Map.of("fileName", "task-1.zip", "contentType", "application/zip"));
    EvidenceSummary evidence =
        new EvidenceSummary(
            "task-1", "00".repeat(32), "c2ln", "key-1", "11".repeat(32), 7, "invoice-clerk", "bubblewrap", 2,
            "2026-12-04T12:00:00Z", "2026-12-04T12:00:09Z", zip);
    return new BrowserTaskResult(new TaskResult("COMPLETED", Map.of("total", "EUR 1.00"), Map.of()), evidence, List.of(zip));
  }
}
