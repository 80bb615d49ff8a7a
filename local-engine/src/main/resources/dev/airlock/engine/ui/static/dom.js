// DOM helpers. Every value reaches the page as a text node or an attribute set through the DOM,
// never as HTML source, so markup inside process variables is shown as text.

/**
 * Creates an element. attributes maps names to values: a function under a name starting with
 * "on" becomes an event listener, true sets an empty attribute, and null or false is skipped.
 * Children are nodes, strings (added as text), arrays of these, or null (skipped).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (typeof value === "function" && name.startsWith("on")) {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends nodes, strings as text nodes, and nested arrays of both to parent. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of parent. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Formats an ISO 8601 timestamp in the browser's locale, keeping the exact value as a title. */
export function dateTime(iso) {
  if (!iso) {
    return h("span", { class: "muted" }, "–");
  }
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
  return h("time", { datetime: iso, title: iso }, text);
}

/** Returns a link that the router opens without reloading the page. */
export function link(path, ...children) {
  return h("a", { href: path, "data-route": true }, ...children);
}

/** Returns a notice box; kind is "error", "success" or "note". */
export function notice(kind, ...children) {
  return h("div", { class: "notice " + kind, role: kind === "error" ? "alert" : "status" },
    ...children);
}
