package dev.airlock.camunda.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.camunda.AirlockErrorCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step that sets the default value of the {@code errorExpression} property in a generated
 * element template to {@link AirlockErrorCodes#DEFAULT_ERROR_EXPRESSION}.
 *
 * <p>NOTE: element-template-generator 8.8.5 generates the error expression property without a
 * value and has no annotation for one, so Maven runs this class right after the generator. It
 * changes nothing else in the file and gives the same output when run twice.
 */
public final class DefaultErrorExpression {

  private DefaultErrorExpression() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DefaultErrorExpression TEMPLATE.json");
    }
    apply(Path.of(args[0]));
  }

  /** Sets the default error expression in the template file at {@code template}. */
  public static void apply(Path template) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode root = json.readTree(template.toFile());
    ObjectNode property = findErrorExpression(root, template);
    property.put("value", AirlockErrorCodes.DEFAULT_ERROR_EXPRESSION);
    Files.writeString(template, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  private static ObjectNode findErrorExpression(JsonNode root, Path template) {
    for (JsonNode property : root.path("properties")) {
      if ("errorExpression".equals(property.path("id").asText())) {
        return (ObjectNode) property;
      }
    }
    throw new IllegalStateException(
        "No property with id 'errorExpression' in " + template
            + "; check that the element template generator ran before this step");
  }
}
