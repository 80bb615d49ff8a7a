package dev.airlock.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.camunda.model.BrowserTaskRequest;
import dev.airlock.camunda.template.TemplateDefaults;
import io.camunda.connector.api.annotation.OutboundConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the element template that the build generates into element-templates/. */
class ElementTemplateTest {

  static final Path TEMPLATE = NodeChecks.REPOSITORY.resolve("element-templates/airlock-browser-task.json");

  private static JsonNode template;

  @BeforeAll
  static void readTemplate() throws IOException {
    template = new ObjectMapper().readTree(TEMPLATE.toFile());
  }

  @Test
  void templateMatchesOfficialSchema() throws Exception {
    NodeChecks.Report report = NodeChecks.check("template", List.of(TEMPLATE));

    assertThat(report.checked()).as("files checked").containsExactly(TEMPLATE.toString());
    assertThat(report.problems()).as("schema violations: %s", report.output()).isEmpty();
  }

  @Test
  void everyTemplateInputIsRequestComponent() {
    assertThat(templateInputs()).isSubsetOf(requestComponents());
  }

  @Test
  void everyRequestComponentHasTemplateInput() {
    assertThat(requestComponents()).isSubsetOf(templateInputs());
  }

  @Test
  void connectorFetchesExactlyRequestComponents() {
    OutboundConnector annotation = AirlockBrowserTaskConnector.class.getAnnotation(OutboundConnector.class);

    assertThat(Set.of(annotation.inputVariables())).isEqualTo(requestComponents());
  }

  @Test
  void templateTargetsAirlockJobType() {
    assertThat(property("binding", "type", "zeebe:taskDefinition").path("value").asText())
        .isEqualTo(AirlockBrowserTaskConnector.JOB_TYPE);
  }

  @Test
  void defaultErrorExpressionRaisesAirlockCodes() {
    JsonNode errorExpression = propertyById("errorExpression");

    assertThat(errorExpression.path("value").asText()).isEqualTo(AirlockErrorCodes.DEFAULT_ERROR_EXPRESSION);
    assertThat(errorExpression.path("binding").path("type").asText()).isEqualTo("zeebe:taskHeader");
  }

  @Test
  void retriesWaitBeforeRunningAgain() {
    assertThat(propertyById("retryBackoff").path("value").asText()).isEqualTo(TemplateDefaults.DEFAULT_RETRY_BACKOFF);
  }

  @Test
  void defaultResultExpressionStoresDocumentsTopLevel() {
    assertThat(propertyById("resultExpression").path("value").asText()).contains("airlockDocuments: documents");
  }

  @Test
  void everyGroupOfTheIssueIsPresent() {
    Set<String> groups = new HashSet<>();
    template.path("groups").forEach(group -> groups.add(group.path("id").asText()));

    assertThat(groups).contains("target", "steps", "identity", "policy", "evidence", "output", "error");
  }

  @Test
  void everyVisibleInputHasTooltipOrDescription() {
    for (JsonNode property : template.path("properties")) {
      if (property.path("binding").path("type").asText().equals("zeebe:input")) {
        assertThat(property.has("tooltip") || property.has("description"))
            .as("tooltip of %s", property.path("id").asText())
            .isTrue();
      }
    }
  }

  private static Set<String> templateInputs() {
    Set<String> inputs = new HashSet<>();
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      if (binding.path("type").asText().equals("zeebe:input")) {
        inputs.add(binding.path("name").asText());
      }
    }
    return inputs;
  }

  private static Set<String> requestComponents() {
    return Arrays.stream(BrowserTaskRequest.class.getRecordComponents())
        .map(component -> component.getName())
        .collect(Collectors.toSet());
  }

  private static JsonNode propertyById(String id) {
    for (JsonNode property : template.path("properties")) {
      if (property.path("id").asText().equals(id)) {
        return property;
      }
    }
    throw new AssertionError("no template property with id " + id);
  }

  private static JsonNode property(String field, String key, String value) {
    for (JsonNode property : template.path("properties")) {
      if (property.path(field).path(key).asText().equals(value)) {
        return property;
      }
    }
    throw new AssertionError("no template property whose " + field + "." + key + " is " + value);
  }
}
