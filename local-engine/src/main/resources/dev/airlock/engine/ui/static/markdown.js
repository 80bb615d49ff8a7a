// Renders the Markdown of form text components into DOM nodes, with {{path}} placeholders
// filled from the form data. The form designer writes the Markdown, but placeholder values
// come from variables. So the values are inserted as text nodes after parsing, and their
// characters are never read as Markdown or HTML.

import { h } from "./dom.js";
import { displayText, evaluatePath } from "./expressions.js";

// Private-use characters mark where a placeholder's value goes.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const MARKER = new RegExp(OPEN + "(\\d+)" + CLOSE, "g");

/** Renders Markdown with placeholders into a fragment. */
export function renderMarkdown(source, data) {
  const values = [];
  const text = String(source).replace(/[\uE000\uE001]/g, "").replace(PLACEHOLDER,
    (match, expression) => {
      values.push(placeholderValue(expression, data));
      return OPEN + (values.length - 1) + CLOSE;
    });
  const fragment = document.createDocumentFragment();
  for (const block of blocks(text.split(/\r?\n/))) {
    fragment.append(renderBlock(block, values));
  }
  return fragment;
}

/** Fills placeholders in a one-line text, such as a label, without Markdown. */
export function renderTemplate(source, data) {
  return String(source).replace(PLACEHOLDER,
    (match, expression) => placeholderText(placeholderValue(expression, data)));
}

function placeholderValue(expression, data) {
  const result = evaluatePath(expression, data);
  return result.supported ? { value: result.value }
    : { unsupported: "[expression not supported here: " + expression + "]" };
}

function placeholderText(placeholder) {
  return placeholder.unsupported || displayText(placeholder.value);
}

/** Groups lines into blocks: heading, rule, code, quote, list and paragraph. */
function blocks(lines) {
  const result = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    let match;
    if (line.trim() === "") {
      index++;
    } else if (line.trim().startsWith("```")) {
      const code = [];
      index++;
      while (index < lines.length && !lines[index].trim().startsWith("```")) {
        code.push(lines[index++]);
      }
      index++;
      result.push({ kind: "code", text: code.join("\n") });
    } else if ((match = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line))) {
      result.push({ kind: "heading", level: match[1].length, text: match[2] });
      index++;
    } else if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      result.push({ kind: "rule" });
      index++;
    } else if (/^\s{0,3}>/.test(line)) {
      const quoted = [];
      while (index < lines.length && /^\s{0,3}>/.test(lines[index])) {
        quoted.push(lines[index++].replace(/^\s{0,3}>\s?/, ""));
      }
      result.push({ kind: "quote", text: quoted.join(" ") });
    } else if (listItemMatch(line)) {
      const ordered = /^\s*\d+[.)]\s/.test(line);
      const items = [];
      while (index < lines.length && listItemMatch(lines[index])) {
        items.push(listItemMatch(lines[index++]));
      }
      result.push({ kind: "list", ordered, items });
    } else {
      const paragraph = [];
      while (index < lines.length && lines[index].trim() !== "" && !startsBlock(lines[index])) {
        paragraph.push(lines[index++].trim());
      }
      result.push({ kind: "paragraph", text: paragraph.join(" ") });
    }
  }
  return result;
}

function listItemMatch(line) {
  const match = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
  return match ? match[1] : null;
}

function startsBlock(line) {
  return /^\s{0,3}(#{1,6}\s|>|```)/.test(line) || listItemMatch(line) !== null;
}

function renderBlock(block, values) {
  switch (block.kind) {
    case "heading":
      return h("h" + Math.min(block.level + 1, 6), { class: "form-heading" },
        inline(block.text, values));
    case "rule":
      return h("hr");
    case "code":
      return h("pre", {}, h("code", {}, withValues(block.text, values)));
    case "quote":
      return h("blockquote", {}, inline(block.text, values));
    case "list":
      return h(block.ordered ? "ol" : "ul", {},
        block.items.map((item) => h("li", {}, inline(item, values))));
    default:
      return h("p", {}, inline(block.text, values));
  }
}

// Inline syntax: `code`, **strong**, __strong__, *emphasis*, _emphasis_, [text](url).
const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s][^*]*?)\*|\b_([^_\s][^_]*?)_\b|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inline(text, values) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    nodes.push(...withValues(text.slice(last, match.index), values));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      nodes.push(h("code", {}, withValues(match[1], values)));
    } else if (match[2] !== undefined || match[3] !== undefined) {
      nodes.push(h("strong", {}, inline(match[2] ?? match[3], values)));
    } else if (match[4] !== undefined || match[5] !== undefined) {
      nodes.push(h("em", {}, inline(match[4] ?? match[5], values)));
    } else {
      nodes.push(markdownLink(match[6], match[7], values));
    }
  }
  nodes.push(...withValues(text.slice(last), values));
  return nodes;
}

/**
 * Links only to http, https and mailto addresses that the designer wrote. Any other target,
 * or one filled from a variable, is shown as text after the label.
 */
function markdownLink(label, url, values) {
  if (!/^(https?:|mailto:)/i.test(url) || url.includes(OPEN)) {
    return [...inline(label, values), " (", ...withValues(url, values), ")"];
  }
  return h("a", { href: url, target: "_blank", rel: "noopener noreferrer" },
    inline(label, values));
}

/** Splits text at placeholder markers and inserts each value as a text node. */
function withValues(text, values) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    nodes.push(text.slice(last, match.index));
    const placeholder = values[Number(match[1])];
    nodes.push(h("span", { class: placeholder.unsupported ? "unsupported-value" : "value" },
      placeholderText(placeholder)));
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return nodes.filter((node) => node !== "");
}
