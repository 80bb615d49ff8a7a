package dev.airlock.engine.api;

import dev.airlock.engine.engine.Json;
import dev.airlock.engine.engine.JobCommands.ActivatedJob;
import dev.airlock.engine.store.DefinitionStore.FormRow;
import dev.airlock.engine.store.DefinitionStore.ProcessDefinitionRow;
import dev.airlock.engine.store.IncidentStore.IncidentRow;
import dev.airlock.engine.store.InstanceStore.ElementInstanceRow;
import dev.airlock.engine.store.InstanceStore.ProcessInstanceRow;
import dev.airlock.engine.store.JobStore.JobRow;
import dev.airlock.engine.store.UserTaskStore.UserTaskRow;
import dev.airlock.engine.store.VariableStore.VariableRow;
import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.ElementInstanceResult;
import io.camunda.client.protocol.rest.ElementInstanceStateEnum;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.IncidentResult;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobSearchResult;
import io.camunda.client.protocol.rest.JobStateEnum;
import io.camunda.client.protocol.rest.ProcessDefinitionResult;
import io.camunda.client.protocol.rest.ProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceStateEnum;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskStateEnum;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.time.Instant;
import java.util.HashMap;

/** Converts stored rows into the result classes of the Camunda 8 REST API. */
final class Results {

  static final String TENANT = "<default>";

  private Results() {}

  static String date(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
  }

  static String key(Long key) {
    return key == null ? null : String.valueOf(key);
  }

  static ProcessDefinitionResult processDefinition(ProcessDefinitionRow row) {
    return new ProcessDefinitionResult()
        .processDefinitionKey(key(row.processDefinitionKey()))
        .processDefinitionId(row.processDefinitionId())
        .name(row.name())
        .version(row.version())
        .versionTag(row.versionTag())
        .resourceName(row.resourceName())
        .tenantId(TENANT)
        .hasStartForm(false);
  }

  static ProcessInstanceResult processInstance(ProcessInstanceRow row, boolean hasIncident,
      String processName) {
    return new ProcessInstanceResult()
        .processInstanceKey(key(row.processInstanceKey()))
        .processDefinitionKey(key(row.processDefinitionKey()))
        .processDefinitionId(row.processDefinitionId())
        .processDefinitionName(processName)
        .processDefinitionVersion(row.version())
        .state(ProcessInstanceStateEnum.fromValue(row.state()))
        .startDate(date(row.startDate()))
        .endDate(date(row.endDate()))
        .hasIncident(hasIncident)
        .tenantId(TENANT);
  }

  static ElementInstanceResult elementInstance(ElementInstanceRow row, String processId,
      long processDefinitionKey, String elementName) {
    return new ElementInstanceResult()
        .elementInstanceKey(key(row.elementInstanceKey()))
        .processInstanceKey(key(row.processInstanceKey()))
        .processDefinitionKey(key(processDefinitionKey))
        .processDefinitionId(processId)
        .elementId(row.elementId())
        .elementName(elementName)
        .type(ElementInstanceResult.TypeEnum.fromValue(row.elementType()))
        .state(ElementInstanceStateEnum.fromValue(row.state()))
        .startDate(date(row.startDate()))
        .endDate(date(row.endDate()))
        .hasIncident(row.incidentKey() != null)
        .incidentKey(key(row.incidentKey()))
        .tenantId(TENANT);
  }

  static ActivatedJobResult activatedJob(ActivatedJob activated) {
    var job = activated.job();
    return new ActivatedJobResult()
        .jobKey(key(job.jobKey()))
        .type(job.type())
        .processInstanceKey(key(job.processInstanceKey()))
        .processDefinitionKey(key(job.processDefinitionKey()))
        .processDefinitionId(job.processDefinitionId())
        .processDefinitionVersion(job.version())
        .elementId(job.elementId())
        .elementInstanceKey(key(job.elementInstanceKey()))
        .customHeaders(new HashMap<>(Json.readStringMap(job.customHeaders())))
        .worker(job.worker())
        .retries(job.retries())
        .deadline(job.deadline())
        .variables(activated.variables())
        .tenantId(TENANT)
        .kind(JobKindEnum.BPMN_ELEMENT);
  }

  static JobSearchResult job(JobRow row) {
    return new JobSearchResult()
        .jobKey(key(row.jobKey()))
        .type(row.type())
        .state(jobState(row))
        .retries(row.retries())
        .worker(row.worker())
        .deadline(date(row.deadline()))
        .endTime(date(row.endTime()))
        .errorCode(row.errorCode())
        .errorMessage(row.errorMessage())
        .hasFailedWithRetriesLeft("ACTIVATABLE".equals(row.state()) && row.errorMessage() != null)
        .customHeaders(Json.readStringMap(row.customHeaders()))
        .processInstanceKey(key(row.processInstanceKey()))
        .processDefinitionKey(key(row.processDefinitionKey()))
        .processDefinitionId(row.processDefinitionId())
        .elementId(row.elementId())
        .elementInstanceKey(key(row.elementInstanceKey()))
        .kind(JobKindEnum.BPMN_ELEMENT)
        .tenantId(TENANT);
  }

  private static JobStateEnum jobState(JobRow row) {
    return switch (row.state()) {
      case "COMPLETED" -> JobStateEnum.COMPLETED;
      case "CANCELED" -> JobStateEnum.CANCELED;
      case "ERROR_THROWN" -> JobStateEnum.ERROR_THROWN;
      case "FAILED" -> JobStateEnum.FAILED;
      default -> row.errorMessage() == null ? JobStateEnum.CREATED : JobStateEnum.FAILED;
    };
  }

  static UserTaskResult userTask(UserTaskRow row) {
    return new UserTaskResult()
        .userTaskKey(key(row.userTaskKey()))
        .name(row.name())
        .state(UserTaskStateEnum.fromValue(row.state()))
        .assignee(row.assignee())
        .elementId(row.elementId())
        .elementInstanceKey(key(row.elementInstanceKey()))
        .candidateGroups(Json.readStringList(row.candidateGroups()))
        .candidateUsers(Json.readStringList(row.candidateUsers()))
        .processDefinitionId(row.processDefinitionId())
        .processDefinitionKey(key(row.processDefinitionKey()))
        .processDefinitionVersion(row.version())
        .processInstanceKey(key(row.processInstanceKey()))
        .formKey(key(row.formKey()))
        .externalFormReference(row.externalFormReference())
        .customHeaders(Json.readStringMap(row.customHeaders()))
        .priority(row.priority())
        .dueDate(row.dueDate())
        .followUpDate(row.followUpDate())
        .creationDate(date(row.creationDate()))
        .completionDate(date(row.completionDate()))
        .tenantId(TENANT);
  }

  static VariableSearchResult variable(VariableRow row) {
    return new VariableSearchResult()
        .variableKey(key(row.variableKey()))
        .name(row.name())
        .value(row.valueJson())
        .isTruncated(false)
        .scopeKey(key(row.scopeKey()))
        .processInstanceKey(key(row.processInstanceKey()))
        .tenantId(TENANT);
  }

  static IncidentResult incident(IncidentRow row) {
    return new IncidentResult()
        .incidentKey(key(row.incidentKey()))
        .processInstanceKey(key(row.processInstanceKey()))
        .processDefinitionKey(key(row.processDefinitionKey()))
        .processDefinitionId(row.processDefinitionId())
        .elementInstanceKey(key(row.elementInstanceKey()))
        .elementId(row.elementId())
        .jobKey(key(row.jobKey()))
        .errorType(IncidentResult.ErrorTypeEnum.fromValue(row.errorType()))
        .errorMessage(row.errorMessage())
        .state(IncidentResult.StateEnum.fromValue(row.state()))
        .creationTime(date(row.creationTime()))
        .tenantId(TENANT);
  }

  static FormResult form(FormRow row) {
    return new FormResult()
        .formKey(key(row.formKey()))
        .formId(row.formId())
        .version((long) row.version())
        .schema(row.schemaJson())
        .tenantId(TENANT);
  }
}
