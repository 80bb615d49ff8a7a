// Camunda document references: {"camunda.document.type": "camunda", storeId, documentId,
// contentHash, metadata: {contentType, fileName, size, ...}}.

import { h } from "./dom.js";

/**
 * Content types that may open as a page of the engine's origin, because Chromium shows them in
 * its image or PDF viewer, which runs no script of the document in that origin.
 */
const OPENABLE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp",
  "application/pdf"]);

/** Content types shown inline in an img element, where even SVG scripts do not run. */
const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp",
  "image/svg+xml", "image/bmp"]);

/** Returns whether value has the shape of a Camunda document reference. */
export function isDocumentReference(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    && value["camunda.document.type"] === "camunda" && typeof value.documentId === "string";
}

/** Returns every document reference inside value, in document order, without duplicates. */
export function findDocumentReferences(value, found = []) {
  if (isDocumentReference(value)) {
    if (!found.some((known) => sameDocument(known, value))) {
      found.push(value);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item) => findDocumentReferences(item, found));
  } else if (value !== null && typeof value === "object") {
    Object.values(value).forEach((item) => findDocumentReferences(item, found));
  }
  return found;
}

function sameDocument(a, b) {
  return a.documentId === b.documentId && a.storeId === b.storeId
    && a.contentHash === b.contentHash;
}

/** Returns the path of GET /v2/documents/{documentId} for a reference. */
export function documentUrl(reference) {
  const query = new URLSearchParams();
  if (reference.storeId) {
    query.set("storeId", reference.storeId);
  }
  if (reference.contentHash) {
    query.set("contentHash", reference.contentHash);
  }
  const suffix = query.toString() ? "?" + query : "";
  return "/v2/documents/" + encodeURIComponent(reference.documentId) + suffix;
}

/**
 * Renders one document: images inline, HTML in a sandboxed frame on request, and every
 * document as a download. Only types that cannot run scripts get an "Open" link, because a
 * document opened as a page would run with the engine's origin, which can complete tasks.
 */
export function documentCard(reference, maxHeight) {
  const metadata = reference.metadata || {};
  const type = String(metadata.contentType || "").split(";")[0].trim().toLowerCase();
  const name = metadata.fileName || reference.documentId;
  const url = documentUrl(reference);

  const details = [type || "unknown type"];
  if (typeof metadata.size === "number") {
    details.push(formatSize(metadata.size));
  }
  const actions = h("div", { class: "document-actions" },
    OPENABLE_TYPES.has(type) ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" },
      "Open") : null,
    h("a", { href: url, download: name }, "Download"));
  const card = h("figure", { class: "document", "data-document-id": reference.documentId });

  if (IMAGE_TYPES.has(type)) {
    const image = h("img", { src: url, alt: name, loading: "lazy" });
    if (maxHeight) {
      image.style.maxHeight = Number(maxHeight) + "px";
    }
    card.append(image);
  } else if (type === "text/html") {
    actions.append(h("button", { type: "button", class: "secondary", onclick: (event) => {
      event.target.remove();
      card.prepend(sandboxedFrame(url, name));
    } }, "Preview"));
  }
  card.append(h("figcaption", {}, h("span", { class: "document-name" }, name), " ",
    h("span", { class: "muted" }, "(" + details.join(", ") + ")"), actions));
  return card;
}

/** Shows an HTML document in a frame with an opaque origin, no scripts, forms or pop-ups. */
function sandboxedFrame(url, name) {
  return h("iframe", { src: url, sandbox: "", title: name, class: "document-frame",
    referrerpolicy: "no-referrer" });
}

function formatSize(bytes) {
  if (bytes < 1024) {
    return bytes + " B";
  }
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return value.toFixed(1) + " " + units[unit];
}

/** Renders a list of document cards, or nothing when there are no references. */
export function documentGallery(references, maxHeight) {
  if (references.length === 0) {
    return null;
  }
  return h("div", { class: "documents" }, references.map((ref) => documentCard(ref, maxHeight)));
}
