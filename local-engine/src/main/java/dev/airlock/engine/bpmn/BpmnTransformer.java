package dev.airlock.engine.bpmn;

import dev.airlock.engine.feel.Feel;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.traversal.ModelWalker;
import io.camunda.zeebe.model.bpmn.validation.ValidationVisitor;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.w3c.dom.Element;

/**
 * Turns a BPMN resource into the process models the engine runs: parses it with
 * zeebe-bpmn-model, applies Zeebe's design-time validation, rejects what the engine does not
 * execute and checks the syntax of every FEEL expression.
 */
public final class BpmnTransformer {

  private final Feel feel;

  public BpmnTransformer(Feel feel) {
    this.feel = feel;
  }

  /** Returns the executable processes of {@code xml}, or throws naming every problem found. */
  public List<ProcessModel> transform(String resourceName, byte[] xml) {
    var model = parse(resourceName, xml);
    validate(resourceName, model);

    var processes = executableProcesses(model);
    if (processes.isEmpty()) {
      throw new DeploymentRejectedException(
          "Resource '" + resourceName + "' contains no executable process: set"
              + " isExecutable=\"true\" on the process to deploy");
    }

    var problems = new ArrayList<String>();
    for (var process : processes) {
      problems.addAll(SupportCheck.check(process));
    }
    var result = new ArrayList<ProcessModel>();
    if (problems.isEmpty()) {
      for (var process : processes) {
        var converter = new ModelConverter(feel);
        var id = process.getAttribute("id");
        result.add(converter.convert((Process) model.getModelElementById(id)));
        problems.addAll(converter.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new DeploymentRejectedException(
          "Resource '" + resourceName + "' cannot be deployed: " + String.join("; ", problems));
    }
    return result;
  }

  private static BpmnModelInstance parse(String resourceName, byte[] xml) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      throw new DeploymentRejectedException(
          "Resource '" + resourceName + "' is not valid BPMN 2.0 XML: " + rootMessage(e), e);
    }
  }

  private static void validate(String resourceName, BpmnModelInstance model) {
    var visitor = new ValidationVisitor(ZeebeDesignTimeValidators.VALIDATORS);
    new ModelWalker(model).walk(visitor);
    var errors = new ArrayList<String>();
    visitor
        .getValidationResult()
        .getResults()
        .forEach(
            (element, results) ->
                results.stream()
                    .filter(r -> r.getType() == ValidationResultType.ERROR)
                    .forEach(r -> errors.add(describe(element) + ": " + r.getMessage())));
    if (!errors.isEmpty()) {
      throw new DeploymentRejectedException(
          "Resource '" + resourceName + "' is not a valid Camunda 8 process: "
              + String.join("; ", errors));
    }
  }

  private static String describe(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
    var id = element.getAttributeValue("id");
    var type = element.getElementType().getTypeName();
    return "Element '" + (id == null ? "(no id)" : id) + "' (" + type + ")";
  }

  private static List<Element> executableProcesses(BpmnModelInstance model) {
    var document = (org.w3c.dom.Document) model.getDocument().getDomSource().getNode();
    var definitions = document.getDocumentElement();
    var result = new ArrayList<Element>();
    var nodes = definitions.getElementsByTagNameNS(SupportCheck.BPMN, "process");
    for (int i = 0; i < nodes.getLength(); i++) {
      var process = (Element) nodes.item(i);
      if ("true".equals(process.getAttribute("isExecutable"))) {
        result.add(process);
      }
    }
    return result;
  }

  private static String rootMessage(Throwable e) {
    var cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
