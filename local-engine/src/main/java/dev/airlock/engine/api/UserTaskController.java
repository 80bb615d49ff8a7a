package dev.airlock.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.engine.engine.Engine;
import dev.airlock.engine.engine.EngineException;
import dev.airlock.engine.store.UserTaskStore.UserTaskRow;
import dev.airlock.engine.store.VariableStore.VariableRow;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Camunda user tasks: search, get, assignment, completion, variables and form. */
@EngineApi
@ResponseBody
@RequestMapping("/v2/user-tasks")
final class UserTaskController {

  private final Engine engine;
  private final ObjectMapper mapper;
  private final Search search;

  UserTaskController(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.mapper = mapper;
    this.search = new Search(mapper);
  }

  @PostMapping("/search")
  ObjectNode search(@RequestBody(required = false) JsonNode request) {
    var rows = engine.stores().userTasks().userTasks(JobController.processInstanceFilter(request));
    return search.run(request, rows.stream().map(Results::userTask).toList(),
        UserTaskResult.class, "userTaskKey", Map.of(
            "candidateGroup", (item, condition) -> contains(item.get("candidateGroups"), condition),
            "candidateUser", (item, condition) -> contains(item.get("candidateUsers"), condition),
            "processInstanceVariables", (item, condition) ->
                hasVariables(item.get("processInstanceKey"), condition),
            "localVariables", (item, condition) ->
                hasVariables(item.get("elementInstanceKey"), condition)));
  }

  /**
   * Returns whether the scope has every variable of the filter, given as {@code [{"name": n,
   * "value": json}]}; a value compares as JSON, so {@code "1"} matches the stored number 1.
   */
  private boolean hasVariables(JsonNode scopeKey, JsonNode filters) {
    var scope = PathKeys.parse(scopeKey.asText(), "scope key");
    for (var filter : filters) {
      var name = filter.path("name").asText();
      var stored = engine.stores().variables().find(scope, name);
      if (stored.isEmpty()) {
        return false;
      }
      var expected = filter.path("value");
      if (expected.isMissingNode()) {
        continue;
      }
      var actual = json(stored.get().valueJson());
      var wanted = expected.isTextual() ? json(expected.asText()) : expected;
      var matched = wanted.isContainerNode() ? actual.equals(wanted)
          : Search.matches(actual, wanted, name);
      if (!matched) {
        return false;
      }
    }
    return true;
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      return mapper.getNodeFactory().textNode(text);
    }
  }

  private static boolean contains(JsonNode values, JsonNode condition) {
    if (values != null) {
      for (var value : values) {
        if (Search.matches(value, condition, "candidate")) {
          return true;
        }
      }
    }
    return false;
  }

  @GetMapping("/{key}")
  UserTaskResult get(@PathVariable("key") String key) {
    return Results.userTask(find(key));
  }

  @PostMapping("/{key}/assignment")
  ResponseEntity<Void> assign(@PathVariable("key") String key,
      @RequestBody UserTaskAssignmentRequest request) {
    var allowOverride = request.getAllowOverride() == null || request.getAllowOverride();
    engine.userTasks().assign(userTaskKey(key), request.getAssignee(), allowOverride);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{key}/assignee")
  ResponseEntity<Void> unassign(@PathVariable("key") String key) {
    engine.userTasks().unassign(userTaskKey(key));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{key}/completion")
  ResponseEntity<Void> complete(@PathVariable("key") String key,
      @RequestBody(required = false) UserTaskCompletionRequest request) {
    var variables = request == null ? null : request.getVariables();
    var action = request == null ? null : request.getAction();
    engine.userTasks().complete(userTaskKey(key), JobController.orEmpty(variables), action);
    return ResponseEntity.noContent().build();
  }

  /** Returns the variables visible to the task, the nearest scope winning for each name. */
  @PostMapping("/{key}/variables/search")
  ObjectNode variables(@PathVariable("key") String key,
      @RequestBody(required = false) JsonNode request) {
    var task = find(key);
    var visible = new ArrayList<VariableRow>();
    var names = new HashSet<String>();
    Long scope = task.elementInstanceKey();
    while (scope != null) {
      for (var variable : engine.stores().variables().local(scope)) {
        if (names.add(variable.name())) {
          visible.add(variable);
        }
      }
      var instance = engine.stores().instances().elementInstance(scope);
      scope = instance.isPresent() ? instance.get().flowScopeKey() : null;
    }
    return search.run(request, visible.stream().map(Results::variable).toList(),
        VariableSearchResult.class, "variableKey", Map.of());
  }

  @GetMapping("/{key}/form")
  FormResult form(@PathVariable("key") String key) {
    var task = find(key);
    if (task.formKey() == null) {
      throw EngineException.notFound("User task " + key + " has no linked form");
    }
    return engine.stores().definitions().form(task.formKey()).map(Results::form).orElseThrow(
        () -> EngineException.notFound("Form with key " + task.formKey() + " not found"));
  }

  private UserTaskRow find(String key) {
    return engine.stores().userTasks().find(userTaskKey(key)).orElseThrow(() ->
        EngineException.notFound("User task with key " + key + " not found"));
  }

  private static long userTaskKey(String key) {
    return PathKeys.parse(key, "user task key");
  }
}
