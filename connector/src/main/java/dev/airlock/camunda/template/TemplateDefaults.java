package dev.airlock.camunda.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.camunda.AirlockErrorCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Build step that sets default values the element template generator cannot set from annotations:
 * the error expression ({@link AirlockErrorCodes#DEFAULT_ERROR_EXPRESSION}) and the retry backoff
 * ({@value #DEFAULT_RETRY_BACKOFF}).
 *
 * <p>NOTE: element-template-generator 8.8.5 writes the error expression without a value and the
 * retry backoff as {@code PT0S}, and has no annotation for either, so Maven runs this class right
 * after the generator. It changes nothing else in the file and gives the same output when run twice.
 */
public final class TemplateDefaults {

  /** Wait between retries of a failed browser task, so that a target that is down can recover. */
  public static final String DEFAULT_RETRY_BACKOFF = "PT30S";

  private static final Map<String, String> DEFAULTS =
      Map.of("errorExpression", AirlockErrorCodes.DEFAULT_ERROR_EXPRESSION, "retryBackoff", DEFAULT_RETRY_BACKOFF);

  private TemplateDefaults() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TemplateDefaults TEMPLATE.json");
    }
    apply(Path.of(args[0]));
  }

  /** Sets the default values in the template file at {@code template}. */
  public static void apply(Path template) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode root = json.readTree(template.toFile());
    DEFAULTS.forEach((id, value) -> property(root, id, template).put("value", value));
    Files.writeString(template, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  private static ObjectNode property(JsonNode root, String id, Path template) {
    for (JsonNode property : root.path("properties")) {
      if (id.equals(property.path("id").asText())) {
        return (ObjectNode) property;
      }
    }
    throw new IllegalStateException(
        "No property with id '" + id + "' in " + template
            + "; check that the element template generator ran before this step");
  }
}
