package dev.airlock.engine.bpmn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads the form id of a Camunda form resource ({@code .form}, a JSON document). */
public final class FormResource {

  private FormResource() {}

  /** Returns the form's {@code id}, or throws naming the resource and what is wrong. */
  public static String formId(String resourceName, byte[] json, ObjectMapper mapper) {
    try {
      var root = mapper.readTree(json);
      var id = root == null ? null : root.get("id");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw new DeploymentRejectedException(
            "Form '" + resourceName + "' has no \"id\": give the form an id in its JSON");
      }
      return id.asText();
    } catch (JsonProcessingException e) {
      throw new DeploymentRejectedException(
          "Form '" + resourceName + "' is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DeploymentRejectedException(
          "Form '" + resourceName + "' could not be read: " + e.getMessage(), e);
    }
  }
}
