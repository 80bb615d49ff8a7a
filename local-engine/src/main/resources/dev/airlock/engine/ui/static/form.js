// Renders a Camunda form (form-js schema) with the task's variables as data, and collects the
// values to complete the task with. Supported components: text, textfield, textarea, number,
// checkbox, radio, select, documentPreview, group, spacer and separator. Any other component
// is shown as a note naming its type, so the approver sees that part of the form is missing.

import { h } from "./dom.js";
import { documentGallery, findDocumentReferences } from "./documents.js";
import { displayText, evaluatePath } from "./expressions.js";
import { renderMarkdown, renderTemplate } from "./markdown.js";

// TODO: conditional.hide, layout columns and the components above that are not supported are
// ignored or shown as notes, so a form that relies on them renders differently than in Tasklist.

let nextId = 0;

/**
 * Renders schema.components with data. Returns {element, collect}; collect() validates the
 * fields and returns {variables, errors}, where errors lists the labels of invalid fields.
 */
export function renderForm(schema, data) {
  const fields = [];
  const element = h("div", { class: "camunda-form" },
    renderComponents(schema.components || [], data, [], fields));
  return { element, collect: () => collect(fields) };
}

function renderComponents(components, data, path, fields) {
  return components.map((component) => renderComponent(component, data, path, fields));
}

function renderComponent(component, data, path, fields) {
  switch (component.type) {
    case "text":
      return textComponent(component, data);
    case "textfield":
    case "textarea":
    case "number":
      return inputField(component, data, path, fields);
    case "checkbox":
      return checkboxField(component, data, path, fields);
    case "radio":
      return radioField(component, data, path, fields);
    case "select":
      return selectField(component, data, path, fields);
    case "documentPreview":
      return documentPreview(component, data);
    case "group":
      return group(component, data, path, fields);
    case "spacer":
      return spacer(component);
    case "separator":
      return h("hr", { class: "form-separator" });
    default:
      return unsupported(component);
  }
}

function textComponent(component, data) {
  const text = component.text || "";
  if (text.trim().startsWith("=")) {
    const result = evaluatePath(text, data);
    return result.supported
      ? h("div", { class: "form-text" }, h("p", {}, displayText(result.value)))
      : unsupported(component, "its text is a FEEL expression other than a variable path");
  }
  return h("div", { class: "form-text" }, renderMarkdown(text, data));
}

function unsupported(component, reason) {
  const cause = reason || "this task list does not support that component type";
  const keyNote = component.key
    ? ` Its field "${component.key}" is not sent when you complete the task.` : "";
  return h("div", { class: "notice note unsupported-component" },
    `Form component "${component.id || component.key || "?"}" of type "${component.type}" `
    + `is not shown: ${cause}.${keyNote}`);
}

/** Returns the data path of a field: its group paths, then its key split at dots. */
function fieldPath(component, path) {
  return [...path, ...String(component.key).split(".")];
}

function valueAt(data, path) {
  let value = data;
  for (const name of path) {
    if (value === null || typeof value !== "object") {
      return undefined;
    }
    value = value[name];
  }
  return value;
}

function initialValue(component, data, path) {
  const value = valueAt(data, fieldPath(component, path));
  return value === undefined || value === null ? component.defaultValue : value;
}

function label(component, data, id) {
  const text = component.label ? renderTemplate(component.label, data) : component.key;
  const required = component.validate && component.validate.required;
  return h("label", { for: id }, text, required ? h("span", { class: "required" }, " *") : null);
}

function description(component, data) {
  return component.description
    ? h("div", { class: "description" }, renderTemplate(component.description, data)) : null;
}

function fieldBox(component, data, id, control) {
  const error = h("div", { class: "field-error", id: id + "-error", role: "alert" });
  control.setAttribute("aria-describedby", id + "-error");
  return { error, box: h("div", { class: "field field-" + component.type },
    label(component, data, id), control, description(component, data), error) };
}

function isDisabled(component) {
  return component.disabled === true;
}

function isReadonly(component) {
  return component.readonly === true || isDisabled(component);
}

function inputField(component, data, path, fields) {
  const id = "field-" + nextId++;
  const value = initialValue(component, data, path);
  const validate = component.validate || {};
  const attributes = { id, name: component.key, readonly: isReadonly(component),
    required: validate.required === true };
  let control;
  if (component.type === "textarea") {
    control = h("textarea", { ...attributes, rows: 4 });
    control.value = displayText(value);
  } else if (component.type === "number") {
    control = h("input", { ...attributes, type: "number", min: validate.min, max: validate.max,
      step: component.increment || (component.decimalDigits ? "any" : 1) });
    control.value = value === undefined || value === null ? "" : String(value);
  } else {
    control = h("input", { ...attributes, type: "text" });
    control.value = displayText(value);
  }
  const { box, error } = fieldBox(component, data, id, control);
  addField(fields, component, path, error, () => inputValue(component, control));
  return box;
}

function inputValue(component, control) {
  if (component.type !== "number") {
    return control.value;
  }
  return control.value === "" ? null : Number(control.value);
}

function checkboxField(component, data, path, fields) {
  const id = "field-" + nextId++;
  const control = h("input", { id, type: "checkbox", name: component.key,
    disabled: isReadonly(component) });
  control.checked = initialValue(component, data, path) === true;
  const { box, error } = fieldBox(component, data, id, control);
  box.classList.add("inline");
  addField(fields, component, path, error, () => control.checked);
  return box;
}

/** Returns the options of a radio or select: static values, valuesKey or valuesExpression. */
function options(component, data) {
  if (Array.isArray(component.values)) {
    return component.values;
  }
  let value = null;
  if (component.valuesKey) {
    value = valueAt(data, String(component.valuesKey).split("."));
  } else if (component.valuesExpression) {
    value = evaluatePath(component.valuesExpression, data).value;
  }
  if (!Array.isArray(value)) {
    return [];
  }
  return value.map((option) => option !== null && typeof option === "object" ? option
    : { label: displayText(option), value: option });
}

function radioField(component, data, path, fields) {
  const id = "field-" + nextId++;
  const current = initialValue(component, data, path);
  const inputs = [];
  const choices = options(component, data).map((option, index) => {
    const input = h("input", { type: "radio", id: id + "-" + index, name: id,
      disabled: isReadonly(component) });
    input.checked = current !== undefined && option.value === current;
    inputs.push({ input, value: option.value });
    return h("label", { class: "choice", for: id + "-" + index }, input, " ",
      renderTemplate(displayText(option.label), data));
  });
  const required = component.validate && component.validate.required;
  const error = h("div", { class: "field-error", role: "alert" });
  const box = h("fieldset", { class: "field field-radio", id },
    h("legend", {}, renderTemplate(component.label || component.key, data),
      required ? h("span", { class: "required" }, " *") : null),
    choices, description(component, data), error);
  addField(fields, component, path, error, () => {
    const chosen = inputs.find((choice) => choice.input.checked);
    return chosen ? chosen.value : null;
  });
  return box;
}

function selectField(component, data, path, fields) {
  const id = "field-" + nextId++;
  const current = initialValue(component, data, path);
  const choices = options(component, data);
  const control = h("select", { id, name: component.key, disabled: isReadonly(component) },
    h("option", { value: "" }, "Select…"),
    choices.map((option, index) => h("option", { value: String(index) },
      renderTemplate(displayText(option.label), data))));
  const chosen = choices.findIndex((option) => current !== undefined && option.value === current);
  control.value = chosen >= 0 ? String(chosen) : "";
  const { box, error } = fieldBox(component, data, id, control);
  addField(fields, component, path, error,
    () => control.value === "" ? null : choices[Number(control.value)].value);
  return box;
}

function documentPreview(component, data) {
  const heading = component.label ? h("div", { class: "field-label" },
    renderTemplate(component.label, data)) : null;
  const result = evaluatePath(component.dataSource || "", data);
  if (!result.supported) {
    return unsupported(component, "its data source is a FEEL expression other than a variable path");
  }
  const references = findDocumentReferences(result.value);
  const content = documentGallery(references, component.maxHeight)
    || h("p", { class: "muted" }, "No documents.");
  return h("div", { class: "field field-document-preview" }, heading, content);
}

function group(component, data, path, fields) {
  const groupPath = component.path ? [...path, ...String(component.path).split(".")] : path;
  return h("fieldset", { class: "form-group" },
    component.label ? h("legend", {}, renderTemplate(component.label, data)) : null,
    renderComponents(component.components || [], data, groupPath, fields));
}

function spacer(component) {
  const element = h("div", { class: "form-spacer" });
  element.style.height = (Number(component.height) || 60) + "px";
  return element;
}

function addField(fields, component, path, error, read) {
  fields.push({ component, path: fieldPath(component, path), error, read });
}

/** Validates every field and returns the variables to complete the task with. */
function collect(fields) {
  const variables = {};
  const errors = [];
  for (const field of fields) {
    const value = field.read();
    const message = validationError(field.component, value);
    field.error.textContent = message || "";
    if (message) {
      errors.push((field.component.label || field.component.key) + ": " + message);
    }
    if (!isDisabled(field.component)) {
      setAt(variables, field.path, value);
    }
  }
  return { variables, errors };
}

function validationError(component, value) {
  const validate = component.validate || {};
  const empty = value === null || value === undefined || value === ""
    || (component.type === "checkbox" && value === false);
  if (empty) {
    return validate.required ? "This field is required." : null;
  }
  if (typeof value === "string") {
    if (validate.minLength !== undefined && value.length < validate.minLength) {
      return `Enter at least ${validate.minLength} characters.`;
    }
    if (validate.maxLength !== undefined && value.length > validate.maxLength) {
      return `Enter at most ${validate.maxLength} characters; this has ${value.length}.`;
    }
    if (validate.pattern && !new RegExp("^(?:" + validate.pattern + ")$").test(value)) {
      return `The value must match the pattern ${validate.pattern}.`;
    }
  }
  if (typeof value === "number") {
    if (Number.isNaN(value)) {
      return "Enter a number.";
    }
    if (validate.min !== undefined && value < validate.min) {
      return `Enter a number of at least ${validate.min}.`;
    }
    if (validate.max !== undefined && value > validate.max) {
      return `Enter a number of at most ${validate.max}.`;
    }
  }
  return null;
}

function setAt(target, path, value) {
  let object = target;
  for (const name of path.slice(0, -1)) {
    if (object[name] === null || typeof object[name] !== "object") {
      object[name] = {};
    }
    object = object[name];
  }
  object[path[path.length - 1]] = value;
}
