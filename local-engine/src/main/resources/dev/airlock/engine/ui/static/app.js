// Routes the page's path to a view, without reloading the page for links inside the UI. Each
// view renders into a new element that replaces the page only if no later navigation started.

import { h, notice, replace } from "./dom.js";
import { showHistory, showInstance } from "./history.js";
import { showTask, showTaskList } from "./tasks.js";

/** Interval at which the open task list reloads, in milliseconds. */
const TASK_LIST_REFRESH_MILLIS = 5000;

const main = document.getElementById("main");
let refreshTimer = null;
let renderCount = 0;

function route(pathname) {
  const path = pathname.replace(/\/+$/, "") || "/";
  let match;
  if (path === "/" || path === "/tasks") {
    return { section: "tasks", show: showTaskList, refresh: true };
  }
  if ((match = /^\/tasks\/([^/]+)$/.exec(path))) {
    return { section: "tasks", show: (target) => showTask(target, decodeURIComponent(match[1])) };
  }
  if (path === "/history") {
    return { section: "history", show: showHistory };
  }
  if ((match = /^\/history\/([^/]+)$/.exec(path))) {
    return { section: "history",
      show: (target) => showInstance(target, decodeURIComponent(match[1])) };
  }
  return { section: null, show: async (target) => replace(target, h("h1", {}, "Page not found"),
    h("p", {}, "This page does not exist. Go to the open tasks or the history.")) };
}

async function render() {
  clearTimeout(refreshTimer);
  const current = ++renderCount;
  const view = route(location.pathname);
  for (const item of document.querySelectorAll("nav a[data-section]")) {
    item.classList.toggle("active", item.dataset.section === view.section);
  }
  const page = h("div", { class: "page" });
  try {
    await view.show(page);
  } catch (error) {
    replace(page, notice("error", "Could not load this page: " + error.message));
  }
  if (current !== renderCount) {
    return;
  }
  replace(main, page);
  if (view.refresh) {
    refreshTimer = setTimeout(refresh, TASK_LIST_REFRESH_MILLIS);
  }
}

/** Reloads the view while the browser tab is visible. */
function refresh() {
  if (document.visibilityState === "visible") {
    render();
  } else {
    refreshTimer = setTimeout(refresh, TASK_LIST_REFRESH_MILLIS);
  }
}

document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a[data-route]");
  if (!anchor || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  event.preventDefault();
  history.pushState(null, "", anchor.getAttribute("href"));
  window.scrollTo(0, 0);
  render();
});

window.addEventListener("popstate", render);
render();
