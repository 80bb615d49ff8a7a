// The history: process instances, and for one instance its element instances, variables,
// incidents and user tasks, with document references shown as previews and downloads.

import { call, searchAll, variableValue } from "./api.js";
import { dateTime, h, link, notice, replace } from "./dom.js";
import { documentGallery, findDocumentReferences } from "./documents.js";

/** Height limit of image previews in the variable table, in CSS pixels. */
const PREVIEW_HEIGHT = 240;

/** Renders all process instances, newest first. */
export async function showHistory(main) {
  const instances = await searchAll("/v2/process-instances/search", {},
    [{ field: "startDate", order: "DESC" }]);
  const rows = instances.map((instance) => h("tr",
    { "data-process-instance-key": instance.processInstanceKey },
    h("td", {}, link("/history/" + encodeURIComponent(instance.processInstanceKey),
      instance.processInstanceKey)),
    h("td", {}, instance.processDefinitionName || instance.processDefinitionId,
      h("span", { class: "muted" }, " v" + instance.processDefinitionVersion)),
    h("td", {}, stateBadge(instance.state)),
    h("td", {}, dateTime(instance.startDate)),
    h("td", {}, dateTime(instance.endDate)),
    h("td", {}, instance.hasIncident ? h("span", { class: "badge incident" }, "incident")
      : h("span", { class: "muted" }, "none"))));
  replace(main,
    h("h1", {}, "History"),
    rows.length === 0 ? h("p", { class: "muted empty" }, "No process instances yet.")
      : h("table", { class: "instances" },
        h("thead", {}, h("tr", {}, ["Instance", "Process", "State", "Started", "Ended",
          "Incidents"].map((title) => h("th", {}, title)))),
        h("tbody", {}, rows)));
}

/** Renders one process instance with everything the engine recorded about it. */
export async function showInstance(main, key) {
  const instance = await call("GET", "/v2/process-instances/" + encodeURIComponent(key));
  const filter = { processInstanceKey: instance.processInstanceKey };
  const [elements, variables, incidents, tasks] = await Promise.all([
    searchAll("/v2/element-instances/search", filter, [{ field: "startDate", order: "ASC" }]),
    searchAll("/v2/variables/search", filter, [{ field: "name", order: "ASC" }]),
    searchAll("/v2/incidents/search", filter, [{ field: "creationTime", order: "ASC" }]),
    searchAll("/v2/user-tasks/search", filter, [{ field: "creationDate", order: "ASC" }]),
  ]);
  const scopeNames = new Map(elements.map((element) =>
    [element.elementInstanceKey, element.elementName || element.elementId]));

  replace(main,
    h("p", { class: "breadcrumb" }, link("/history", "History")),
    h("h1", {}, (instance.processDefinitionName || instance.processDefinitionId)
      + " · " + instance.processInstanceKey),
    h("dl", { class: "facts" },
      h("dt", {}, "State"), h("dd", {}, stateBadge(instance.state)),
      h("dt", {}, "Process"), h("dd", {}, instance.processDefinitionId
        + " (version " + instance.processDefinitionVersion + ")"),
      h("dt", {}, "Started"), h("dd", {}, dateTime(instance.startDate)),
      h("dt", {}, "Ended"), h("dd", {}, dateTime(instance.endDate))),
    section("Incidents", "incidents", incidents, incidentTable),
    section("User tasks", "user-tasks", tasks, userTaskTable),
    section("Element instances", "element-instances", elements, elementTable),
    section("Variables", "variables", variables,
      (items) => variableTable(items, instance.processInstanceKey, scopeNames)));
}

function section(title, id, items, render) {
  return h("section", { class: "card", id },
    h("h2", {}, title, h("span", { class: "count" }, " " + items.length)),
    items.length === 0 ? h("p", { class: "muted" }, "None.") : render(items));
}

function stateBadge(state) {
  return h("span", { class: "badge state-" + String(state).toLowerCase() }, state);
}

function table(headings, rows) {
  return h("table", {}, h("thead", {}, h("tr", {}, headings.map((title) => h("th", {}, title)))),
    h("tbody", {}, rows));
}

function incidentTable(incidents) {
  return table(["Element", "Type", "Message", "State", "Created"], incidents.map((incident) =>
    h("tr", {}, h("td", {}, incident.elementId), h("td", {}, incident.errorType),
      h("td", {}, h("pre", { class: "message" }, incident.errorMessage || "")),
      h("td", {}, stateBadge(incident.state)), h("td", {}, dateTime(incident.creationTime)))));
}

function userTaskTable(tasks) {
  return table(["Task", "State", "Assignee", "Created", "Completed"], tasks.map((task) =>
    h("tr", { "data-user-task-key": task.userTaskKey },
      h("td", {}, task.state === "CREATED"
        ? link("/tasks/" + encodeURIComponent(task.userTaskKey), task.name || task.elementId)
        : task.name || task.elementId),
      h("td", {}, stateBadge(task.state)),
      h("td", { class: "assignee" }, task.assignee || h("span", { class: "muted" }, "–")),
      h("td", {}, dateTime(task.creationDate)),
      h("td", {}, dateTime(task.completionDate)))));
}

function elementTable(elements) {
  return table(["#", "Element", "Type", "State", "Started", "Ended"], elements.map(
    (element, index) => h("tr", {},
      h("td", { class: "muted" }, String(index + 1)),
      h("td", {}, element.elementName || element.elementId,
        element.elementName ? h("span", { class: "muted" }, " (" + element.elementId + ")")
          : null,
        element.hasIncident ? h("span", { class: "badge incident" }, " incident") : null),
      h("td", {}, element.type), h("td", {}, stateBadge(element.state)),
      h("td", {}, dateTime(element.startDate)), h("td", {}, dateTime(element.endDate)))));
}

/** Lists the process instance's own variables first, then those of each element instance. */
function variableTable(variables, processInstanceKey, scopeNames) {
  const scopeOrder = [processInstanceKey, ...scopeNames.keys()];
  const rank = (variable) => {
    const index = scopeOrder.indexOf(variable.scopeKey);
    return index < 0 ? scopeOrder.length : index;
  };
  const sorted = [...variables].sort((a, b) => rank(a) - rank(b)
    || a.name.localeCompare(b.name));
  return table(["Name", "Scope", "Value"], sorted.map((variable) => {
    const value = variableValue(variable);
    const scope = variable.scopeKey === processInstanceKey ? "process instance"
      : scopeNames.get(variable.scopeKey) || variable.scopeKey;
    return h("tr", { "data-variable": variable.name, "data-scope-key": variable.scopeKey },
      h("td", { class: "variable-name" }, variable.name),
      h("td", {}, scope),
      h("td", {}, h("pre", { class: "value" }, JSON.stringify(value, null, 2)),
        variable.isTruncated ? notice("note", "The engine truncated this value.") : null,
        documentGallery(findDocumentReferences(value), PREVIEW_HEIGHT)));
  }));
}
