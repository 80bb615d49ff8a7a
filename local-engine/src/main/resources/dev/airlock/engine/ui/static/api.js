// Calls the engine's own Camunda 8 REST API (/v2) on the page's origin.

/** An error response of the REST API, with the problem+json detail when there is one. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** Sends a request and returns the parsed JSON body, or null for an empty response. */
export async function call(method, path, body) {
  const options = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (error) {
    throw new ApiError(`No response from the engine to ${method} ${path}: ${error.message}.`
      + " Check that the local engine is still running.", 0);
  }
  const text = await response.text();
  if (!response.ok) {
    throw new ApiError(problemMessage(text, response), response.status);
  }
  return text ? JSON.parse(text) : null;
}

function problemMessage(text, response) {
  let problem = null;
  try {
    problem = JSON.parse(text);
  } catch (ignored) {
    // Not JSON: fall back to the status line below.
  }
  const detail = problem && (problem.detail || problem.title);
  const status = `HTTP ${response.status}`;
  return detail ? `${detail} (${status})` : `${status} ${response.statusText}`.trim();
}

/** Maximum number of items fetched per page while following a search's cursor. */
const PAGE_LIMIT = 500;

/**
 * Maximum number of pages followed, so a faulty cursor cannot loop forever. NOTE: a search
 * with more than PAGE_LIMIT * MAX_PAGES (20,000) matching items shows only the first ones.
 */
const MAX_PAGES = 40;

/** Runs a search request and follows page.endCursor until every matching item is fetched. */
export async function searchAll(path, filter = {}, sort = []) {
  const items = [];
  let after = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const pageRequest = after ? { limit: PAGE_LIMIT, after } : { limit: PAGE_LIMIT };
    const result = await call("POST", path, { filter, sort, page: pageRequest });
    items.push(...result.items);
    after = result.page && result.page.endCursor;
    if (result.items.length < PAGE_LIMIT || !after) {
      break;
    }
  }
  return items;
}

/** Parses a variable value, which the REST API returns as JSON text. */
export function variableValue(variable) {
  try {
    return JSON.parse(variable.value);
  } catch (ignored) {
    return variable.value;
  }
}

/** Returns the variables as an object, later entries replacing earlier ones of the same name. */
export function variableMap(...lists) {
  const values = {};
  for (const list of lists) {
    for (const variable of list) {
      values[variable.name] = variableValue(variable);
    }
  }
  return values;
}

/** Returns a map from process definition key to its name, or its id when it has no name. */
export async function processNames() {
  const definitions = await searchAll("/v2/process-definitions/search");
  const names = new Map();
  for (const definition of definitions) {
    names.set(definition.processDefinitionKey,
      definition.name || definition.processDefinitionId);
  }
  return names;
}
