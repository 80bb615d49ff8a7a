package dev.airlock.engine.bpmn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Finds what an executable process contains that the local engine does not execute: flow
 * elements, event definitions, extension elements and Zeebe attributes. Such a process is
 * rejected at deployment, because running it while ignoring a part would behave differently from
 * Camunda 8. Diagram interchange, documentation, names, {@code zeebe:properties} and the
 * modeler's template attributes are accepted.
 */
final class SupportCheck {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  static final String SUPPORTED =
      "none start event, none end event, error end event, service task, user task"
          + " (zeebe:userTask), exclusive gateway, embedded sub-process and interrupting error"
          + " boundary event";

  private static final Set<String> FLOW_ELEMENTS =
      Set.of(
          "startEvent",
          "endEvent",
          "boundaryEvent",
          "serviceTask",
          "userTask",
          "exclusiveGateway",
          "subProcess",
          "sequenceFlow");

  private static final Set<String> SCOPE_CHILDREN_WITHOUT_BEHAVIOUR =
      Set.of(
          "documentation", "extensionElements", "laneSet", "textAnnotation", "association",
          "group", "incoming", "outgoing");

  private static final Set<String> MODELER_ATTRIBUTES =
      Set.of("modelerTemplate", "modelerTemplateVersion", "modelerTemplateIcon");

  private static final Map<String, Set<String>> EXTENSIONS_BY_ELEMENT =
      Map.of(
          "process", Set.of("versionTag", "properties"),
          "serviceTask", Set.of("taskDefinition", "ioMapping", "taskHeaders", "properties"),
          "userTask",
              Set.of(
                  "userTask", "formDefinition", "assignmentDefinition", "priorityDefinition",
                  "taskSchedule", "ioMapping", "taskHeaders", "properties"),
          "endEvent", Set.of("ioMapping", "properties"),
          "boundaryEvent", Set.of("ioMapping", "properties"),
          "subProcess", Set.of("ioMapping", "properties"));

  private final List<String> problems = new ArrayList<>();

  /** Returns one sentence per unsupported part of the executable process {@code process}. */
  static List<String> check(Element process) {
    var check = new SupportCheck();
    check.visitScope(process);
    return check.problems;
  }

  private void visitScope(Element scope) {
    checkAttributesAndExtensions(scope);
    for (var child : children(scope)) {
      var name = child.getLocalName();
      if (!BPMN.equals(child.getNamespaceURI())) {
        problems.add(describe(child) + " is not a BPMN element the local engine executes");
      } else if (FLOW_ELEMENTS.contains(name)) {
        visitFlowElement(child);
      } else if (!SCOPE_CHILDREN_WITHOUT_BEHAVIOUR.contains(name)) {
        problems.add(
            describe(child) + " is not supported by the local engine, which runs: " + SUPPORTED);
      }
    }
  }

  private void visitFlowElement(Element element) {
    var name = element.getLocalName();
    if (name.equals("subProcess")) {
      if ("true".equals(element.getAttribute("triggeredByEvent"))) {
        problems.add(describe(element) + " is an event sub-process, which is not supported");
        return;
      }
      visitScope(element);
      return;
    }
    if (name.equals("boundaryEvent") && "false".equals(element.getAttribute("cancelActivity"))) {
      problems.add(describe(element) + " is non-interrupting, which is not supported");
    }
    checkAttributesAndExtensions(element);
    checkEventDefinitions(element);
  }

  private void checkEventDefinitions(Element element) {
    var name = element.getLocalName();
    var errorDefinitions = 0;
    for (var child : children(element)) {
      var childName = child.getLocalName();
      if (Set.of("documentation", "extensionElements", "incoming", "outgoing")
          .contains(childName)) {
        continue;
      }
      if (childName.equals("conditionExpression") && name.equals("sequenceFlow")) {
        continue;
      }
      if (childName.equals("errorEventDefinition")
          && (name.equals("endEvent") || name.equals("boundaryEvent"))) {
        errorDefinitions++;
        continue;
      }
      problems.add(
          describe(element) + " contains " + childName + ", which the local engine does not"
              + " support");
    }
    if (name.equals("boundaryEvent") && errorDefinitions != 1) {
      problems.add(describe(element) + " must have exactly one error event definition");
    }
  }

  private void checkAttributesAndExtensions(Element element) {
    var attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      var attribute = attributes.item(i);
      if (ZEEBE.equals(attribute.getNamespaceURI())
          && !MODELER_ATTRIBUTES.contains(attribute.getLocalName())) {
        problems.add(
            describe(element) + " has the attribute zeebe:" + attribute.getLocalName()
                + ", which the local engine does not support");
      }
    }
    var allowed = EXTENSIONS_BY_ELEMENT.getOrDefault(element.getLocalName(), Set.of("properties"));
    for (var child : children(element)) {
      if (!child.getLocalName().equals("extensionElements")) {
        continue;
      }
      for (var extension : children(child)) {
        if (!ZEEBE.equals(extension.getNamespaceURI())
            || !allowed.contains(extension.getLocalName())) {
          var name = ZEEBE.equals(extension.getNamespaceURI())
              ? "zeebe:" + extension.getLocalName() : extension.getTagName();
          problems.add(
              describe(element) + " has the extension element " + name
                  + ", which the local engine does not support on a "
                  + element.getLocalName());
        }
      }
    }
  }

  static String describe(Element element) {
    var id = element.getAttribute("id");
    return "Element '" + (id.isEmpty() ? "(no id)" : id) + "' (" + element.getLocalName() + ")";
  }

  private static List<Element> children(Element parent) {
    var result = new ArrayList<Element>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        result.add(element);
      }
    }
    return result;
  }
}
