package dev.airlock.engine.bpmn;

import dev.airlock.engine.bpmn.ElementDef.Mapping;
import dev.airlock.engine.bpmn.ElementDef.TaskDefinition;
import dev.airlock.engine.bpmn.ElementDef.UserTaskDefinition;
import dev.airlock.engine.feel.Feel;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeVersionTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts one executable process that passed {@link SupportCheck} into a {@link ProcessModel}. */
final class ModelConverter {

  private final Feel feel;
  private final Map<String, ElementDef> elements = new LinkedHashMap<>();
  private final Map<String, FlowDef> flows = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  ModelConverter(Feel feel) {
    this.feel = feel;
  }

  List<String> problems() {
    return problems;
  }

  ProcessModel convert(Process process) {
    var versionTag = process.getSingleExtensionElement(ZeebeVersionTag.class);
    elements.put(
        process.getId(),
        element(process, ElementKind.PROCESS, null).build());
    convertScope(process.getId(), process.getFlowElements());
    return new ProcessModel(
        process.getId(),
        process.getName(),
        versionTag == null ? null : versionTag.getValue(),
        Map.copyOf(elements),
        Map.copyOf(flows));
  }

  private void convertScope(String scopeId, Collection<FlowElement> flowElements) {
    var startEvents = 0;
    var caughtErrorCodes = new HashMap<String, List<String>>();
    for (var flowElement : flowElements) {
      switch (flowElement) {
        case SequenceFlow flow -> convertFlow(flow);
        case StartEvent start -> {
          startEvents++;
          elements.put(start.getId(), element(start, ElementKind.START_EVENT, scopeId).build());
        }
        case EndEvent end -> convertEndEvent(end, scopeId);
        case BoundaryEvent boundary -> {
          var code = errorCode(boundary);
          var attachedTo = boundary.getAttachedTo().getId();
          caughtErrorCodes.computeIfAbsent(attachedTo, k -> new ArrayList<>()).add(code);
          elements.put(
              boundary.getId(),
              element(boundary, ElementKind.BOUNDARY_EVENT, scopeId)
                  .error(code)
                  .attachedTo(attachedTo)
                  .build());
        }
        case ServiceTask task -> convertServiceTask(task, scopeId);
        case UserTask task -> convertUserTask(task, scopeId);
        case ExclusiveGateway gateway -> {
          var defaultFlow = gateway.getDefault();
          elements.put(
              gateway.getId(),
              element(gateway, ElementKind.EXCLUSIVE_GATEWAY, scopeId)
                  .defaultFlow(defaultFlow == null ? null : defaultFlow.getId())
                  .build());
        }
        case SubProcess subProcess -> {
          elements.put(
              subProcess.getId(), element(subProcess, ElementKind.SUB_PROCESS, scopeId).build());
          convertScope(subProcess.getId(), subProcess.getFlowElements());
        }
        default ->
            problems.add("Element '" + flowElement.getId() + "' is not supported by the local engine");
      }
    }
    if (startEvents != 1) {
      problems.add(
          "Scope '" + scopeId + "' must contain exactly one none start event, found " + startEvents);
    }
    caughtErrorCodes.forEach(
        (activity, codes) -> {
          if (codes.stream().distinct().count() != codes.size()) {
            problems.add(
                "Activity '" + activity + "' has two error boundary events catching the same"
                    + " error code (or two catch-all events); keep one of them");
          }
        });
  }

  private void convertFlow(SequenceFlow flow) {
    var condition = flow.getConditionExpression();
    var conditionText = condition == null ? null : condition.getTextContent().strip();
    if (conditionText != null) {
      if (!(flow.getSource() instanceof ExclusiveGateway)) {
        problems.add(
            "Sequence flow '" + flow.getId() + "' has a condition but does not leave an exclusive"
                + " gateway; conditional flows are only supported after an exclusive gateway");
      }
      checkExpression(flow.getId(), "condition", conditionText, true);
    }
    flows.put(
        flow.getId(),
        new FlowDef(flow.getId(), flow.getSource().getId(), flow.getTarget().getId(), conditionText));
  }

  private void convertEndEvent(EndEvent end, String scopeId) {
    var builder = element(end, ElementKind.END_EVENT, scopeId);
    if (!end.getEventDefinitions().isEmpty()) {
      var code = errorCode(end);
      if (code == null) {
        problems.add("Error end event '" + end.getId() + "' must reference an error with a code");
      } else {
        checkExpression(end.getId(), "errorCode", code, false);
      }
      builder.error(code);
    }
    elements.put(end.getId(), builder.build());
  }

  private void convertServiceTask(ServiceTask task, String scopeId) {
    var definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
    checkExpression(task.getId(), "type", definition.getType(), false);
    checkExpression(task.getId(), "retries", definition.getRetries(), false);
    elements.put(
        task.getId(),
        element(task, ElementKind.SERVICE_TASK, scopeId)
            .taskDefinition(new TaskDefinition(definition.getType(), definition.getRetries()))
            .build());
  }

  private void convertUserTask(UserTask task, String scopeId) {
    if (task.getSingleExtensionElement(ZeebeUserTask.class) == null) {
      problems.add("User task '" + task.getId() + "' is a job-worker user task, which the local"
          + " engine does not support; make it a Camunda user task (zeebe:userTask)");
    }

    var form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    String formId = null;
    String externalReference = null;
    if (form != null) {
      if (form.getFormKey() != null) {
        problems.add(
            "User task '" + task.getId() + "' uses zeebe:formDefinition formKey, which the local"
                + " engine does not support; link a deployed form with formId instead");
      }
      if (form.getBindingType() != null && form.getBindingType() != ZeebeBindingType.latest) {
        problems.add(
            "User task '" + task.getId() + "' uses form binding type '" + form.getBindingType()
                + "'; the local engine supports only 'latest'");
      }
      formId = form.getFormId();
      externalReference = form.getExternalReference();
      checkExpression(task.getId(), "externalReference", externalReference, false);
    }

    var assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    String assignee = null;
    String candidateGroups = null;
    String candidateUsers = null;
    if (assignment != null) {
      assignee = assignment.getAssignee();
      candidateGroups = assignment.getCandidateGroups();
      candidateUsers = assignment.getCandidateUsers();
      checkExpression(task.getId(), "assignee", assignee, false);
      checkExpression(task.getId(), "candidateGroups", candidateGroups, false);
      checkExpression(task.getId(), "candidateUsers", candidateUsers, false);
    }

    var priorityDefinition = task.getSingleExtensionElement(ZeebePriorityDefinition.class);
    var priority = priorityDefinition == null ? null : priorityDefinition.getPriority();
    checkExpression(task.getId(), "priority", priority, false);
    var schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
    var dueDate = schedule == null ? null : schedule.getDueDate();
    var followUpDate = schedule == null ? null : schedule.getFollowUpDate();
    checkExpression(task.getId(), "dueDate", dueDate, false);
    checkExpression(task.getId(), "followUpDate", followUpDate, false);

    elements.put(
        task.getId(),
        element(task, ElementKind.USER_TASK, scopeId)
            .userTask(
                new UserTaskDefinition(formId, externalReference, assignee, candidateGroups,
                    candidateUsers, priority, dueDate, followUpDate))
            .build());
  }

  private ElementBuilder element(BaseElement element, ElementKind kind, String scopeId) {
    var builder = new ElementBuilder(element.getId(), kind, scopeId);
    if (element instanceof FlowNode node) {
      builder.name(node.getName());
      // The flows' sourceRef decides, as in Zeebe: <outgoing> children are optional in BPMN files.
      node.getModelInstance().getModelElementsByType(SequenceFlow.class).stream()
          .filter(flow -> flow.getSource() == node)
          .forEach(flow -> builder.outgoing.add(flow.getId()));
    } else if (element instanceof Process process) {
      builder.name(process.getName());
    }
    var ioMapping = element.getSingleExtensionElement(ZeebeIoMapping.class);
    if (ioMapping != null) {
      for (var input : ioMapping.getInputs()) {
        checkExpression(element.getId(), "input " + input.getTarget(), input.getSource(), false);
        builder.inputs.add(new Mapping(input.getSource(), input.getTarget()));
      }
      for (var output : ioMapping.getOutputs()) {
        checkExpression(element.getId(), "output " + output.getTarget(), output.getSource(), false);
        builder.outputs.add(new Mapping(output.getSource(), output.getTarget()));
      }
    }
    var headers = element.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (headers != null) {
      headers.getHeaders().forEach(h -> builder.headers.put(h.getKey(), h.getValue()));
    }
    return builder;
  }

  private static String errorCode(Event event) {
    var definitions =
        event instanceof BoundaryEvent boundary
            ? boundary.getEventDefinitions()
            : ((EndEvent) event).getEventDefinitions();
    var definition = (ErrorEventDefinition) definitions.iterator().next();
    var error = definition.getError();
    return error == null ? null : error.getErrorCode();
  }

  /** Checks {@code value}: always FEEL when {@code alwaysFeel}, else only with a leading '='. */
  private void checkExpression(String elementId, String property, String value, boolean alwaysFeel) {
    if (value == null || !(alwaysFeel || Feel.isExpression(value))) {
      return;
    }
    feel.syntaxError(value)
        .ifPresent(
            message ->
                problems.add(
                    "Element '" + elementId + "' has an invalid FEEL expression in " + property
                        + " ('" + value + "'): " + message));
  }
}
