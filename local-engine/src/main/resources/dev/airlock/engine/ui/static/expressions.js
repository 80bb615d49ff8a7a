// The part of FEEL that forms need to read data: a variable name followed by .field and [n]
// (1-based, as in FEEL). Anything else is reported as unsupported instead of being guessed.

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[-?[0-9]+\])*$/;
const SEGMENT = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(-?[0-9]+)\]|^([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Evaluates a path expression such as "=airlockCheckpoint.screenshot" or "items[1].name"
 * against data. Returns {supported: true, value} or {supported: false} for other FEEL.
 */
export function evaluatePath(expression, data) {
  const source = String(expression).trim().replace(/^=/, "").trim();
  if (!PATH.test(source)) {
    return { supported: false };
  }
  let value = data;
  for (const match of source.matchAll(SEGMENT)) {
    const name = match[1] || match[3];
    if (value === null || value === undefined) {
      return { supported: true, value: null };
    }
    if (name !== undefined) {
      const isContext = typeof value === "object" && !Array.isArray(value);
      value = isContext && Object.prototype.hasOwnProperty.call(value, name) ? value[name] : null;
    } else {
      value = listItem(value, Number(match[2]));
    }
  }
  return { supported: true, value: value === undefined ? null : value };
}

/** Returns a FEEL list item: index 1 is the first item, -1 the last. */
function listItem(list, index) {
  if (!Array.isArray(list) || index === 0) {
    return null;
  }
  const item = index > 0 ? list[index - 1] : list[list.length + index];
  return item === undefined ? null : item;
}

/** Formats a value for text: strings as they are, other values as JSON, null as nothing. */
export function displayText(value) {
  if (value === null || value === undefined) {
    return "";
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}
