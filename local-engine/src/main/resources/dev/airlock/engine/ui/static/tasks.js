// The task list (open user tasks) and the task view (form, approver name, completion).

import { call, processNames, searchAll, variableMap } from "./api.js";
import { dateTime, h, link, notice, replace } from "./dom.js";
import { renderForm } from "./form.js";

const APPROVER_STORAGE_KEY = "airlock.approverName";

/** Renders the open user tasks, newest first. */
export async function showTaskList(main) {
  const [tasks, names] = await Promise.all([
    searchAll("/v2/user-tasks/search", { state: "CREATED" },
      [{ field: "creationDate", order: "DESC" }]),
    processNames(),
  ]);
  const rows = tasks.map((task) => h("tr", { "data-user-task-key": task.userTaskKey },
    h("td", {}, link("/tasks/" + encodeURIComponent(task.userTaskKey),
      task.name || task.elementId)),
    h("td", {}, names.get(task.processDefinitionKey) || task.processDefinitionId),
    h("td", {}, link("/history/" + encodeURIComponent(task.processInstanceKey),
      task.processInstanceKey)),
    h("td", {}, dateTime(task.creationDate)),
    h("td", {}, task.assignee || h("span", { class: "muted" }, "unassigned"))));
  replace(main,
    h("h1", {}, "Open tasks"),
    rows.length === 0
      ? h("p", { class: "muted empty" }, "No open user tasks. This list refreshes by itself.")
      : h("table", { class: "tasks" },
        h("thead", {}, h("tr", {}, ["Task", "Process", "Instance", "Created", "Assignee"]
          .map((title) => h("th", {}, title)))),
        h("tbody", {}, rows)));
}

/** Renders one task: its form filled with its variables, and the completion controls. */
export async function showTask(main, key) {
  const path = "/v2/user-tasks/" + encodeURIComponent(key);
  const task = await call("GET", path);
  const [names, data, form] = await Promise.all([
    processNames(),
    taskVariables(task),
    task.formKey ? call("GET", path + "/form") : Promise.resolve(null),
  ]);
  const processName = names.get(task.processDefinitionKey) || task.processDefinitionId;

  const header = h("div", { class: "task-header" },
    h("p", { class: "breadcrumb" }, link("/tasks", "Open tasks")),
    h("h1", {}, task.name || task.elementId),
    h("dl", { class: "facts" },
      h("dt", {}, "Process"), h("dd", {}, processName),
      h("dt", {}, "Instance"), h("dd", {}, link("/history/"
        + encodeURIComponent(task.processInstanceKey), task.processInstanceKey)),
      h("dt", {}, "Created"), h("dd", {}, dateTime(task.creationDate)),
      h("dt", {}, "State"), h("dd", {}, task.state),
      task.assignee ? [h("dt", {}, "Assignee"), h("dd", {}, task.assignee)] : null));

  const rendered = form ? renderForm(parseSchema(form.schema), data) : null;
  const open = task.state === "CREATED";
  const body = h("fieldset", { class: "task-form", disabled: !open },
    rendered ? rendered.element : noFormNote(task));
  replace(main, header, h("section", { class: "card" }, body),
    open ? completionPanel(task, path, rendered, body)
      : notice("note", `This task is ${task.state.toLowerCase()}`
        + (task.assignee ? ` by ${task.assignee}` : "") + "."));
}

/** Returns the variables visible to the task, its own scope's variables taking precedence. */
async function taskVariables(task) {
  const [visible, local] = await Promise.all([
    searchAll("/v2/user-tasks/" + encodeURIComponent(task.userTaskKey) + "/variables/search"),
    searchAll("/v2/variables/search", { scopeKey: task.elementInstanceKey }),
  ]);
  return variableMap(visible, local);
}

function parseSchema(schema) {
  return typeof schema === "string" ? JSON.parse(schema) : schema;
}

function noFormNote(task) {
  return notice("note", task.externalFormReference
    ? `This task uses the external form "${task.externalFormReference}", which this task list`
      + " cannot show. Completing it here sends no variables."
    : "This task has no form. Completing it sends no variables.");
}

function completionPanel(task, path, rendered, formBox) {
  const nameInput = h("input", { id: "approver-name", type: "text", autocomplete: "name",
    required: true });
  nameInput.value = localStorage.getItem(APPROVER_STORAGE_KEY) || "";
  const status = h("div", { class: "completion-status" });
  const button = h("button", { type: "button", class: "primary" }, "Complete");
  button.addEventListener("click", async () => {
    if (await complete(task, path, rendered, nameInput, status, button)) {
      formBox.disabled = true;
      nameInput.disabled = true;
    }
  });
  return h("section", { class: "card completion" },
    h("div", { class: "field" },
      h("label", { for: "approver-name" }, "Your name", h("span", { class: "required" }, " *")),
      nameInput,
      h("div", { class: "description" },
        "The task is assigned to this name and completed by it; it is kept in the history.")),
    button, status);
}

/** Assigns and completes the task; returns whether it was completed. */
async function complete(task, path, rendered, nameInput, status, button) {
  const name = nameInput.value.trim();
  const collected = rendered ? rendered.collect() : { variables: {}, errors: [] };
  const problems = [...collected.errors];
  if (!name) {
    problems.unshift("Your name: enter the name to complete the task as.");
  }
  if (problems.length > 0) {
    replace(status, notice("error", "The task was not completed. Fix these fields first:",
      h("ul", {}, problems.map((problem) => h("li", {}, problem)))));
    return false;
  }

  localStorage.setItem(APPROVER_STORAGE_KEY, name);
  button.disabled = true;
  replace(status, notice("note", "Completing…"));
  try {
    await call("POST", path + "/assignment", { assignee: name, allowOverride: true });
    await call("POST", path + "/completion", { variables: collected.variables });
  } catch (error) {
    button.disabled = false;
    replace(status, notice("error", "The task was not completed: " + error.message));
    return false;
  }
  replace(status, notice("success", `Task completed by ${name}. `,
    link("/tasks", "Back to the open tasks"), " · ",
    link("/history/" + encodeURIComponent(task.processInstanceKey), "Show the instance")));
  return true;
}
