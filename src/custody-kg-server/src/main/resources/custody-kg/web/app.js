// The query page: pick a named question (its SPARQL goes to the editor, its parameters to a form),
// ask it through /ask/{name}, or run the editor's SPARQL through /sparql; results show as a table.
"use strict";

const RESULTS_JSON = "application/sparql-results+json";
const byId = (id) => document.getElementById(id);
let questions = [];

function showStatus(text, isError) {
  const status = byId("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

function cellText(term) {
  if (!term) return "";
  return term.value;
}

function showResults(json, truncated) {
  const head = byId("table").tHead;
  const body = byId("table").tBodies[0];
  head.replaceChildren();
  body.replaceChildren();
  if (typeof json.boolean === "boolean") {
    showStatus("Answer: " + (json.boolean ? "yes" : "no"), false);
    return;
  }
  const vars = json.head.vars;
  const headRow = head.insertRow();
  for (const name of vars) {
    const th = document.createElement("th");
    th.textContent = name;
    headRow.appendChild(th);
  }
  for (const binding of json.results.bindings) {
    const row = body.insertRow();
    for (const name of vars) {
      row.insertCell().textContent = cellText(binding[name]);
    }
  }
  const count = json.results.bindings.length;
  showStatus(count + (count === 1 ? " row" : " rows") +
      (truncated ? " (cut at the server's row limit; page with LIMIT and OFFSET)" : ""), false);
}

async function fetchResults(url, options) {
  showStatus("Running…", false);
  try {
    const response = await fetch(url, options);
    const text = await response.text();
    if (!response.ok) {
      showStatus("Error " + response.status + ": " + text, true);
      return;
    }
    const type = response.headers.get("Content-Type") || "";
    if (!type.includes("json")) {
      showStatus("The answer is a graph (" + type + "):\n" + text, false);
      return;
    }
    showResults(JSON.parse(text), response.headers.get("X-Custody-Truncated") === "true");
  } catch (failure) {
    showStatus("Request failed: " + failure, true);
  }
}

function runSparql() {
  const body = new URLSearchParams({ query: byId("sparql").value });
  fetchResults("/sparql", {
    method: "POST",
    headers: { "Accept": RESULTS_JSON + ", text/turtle;q=0.9" },
    body: body
  });
}

function askQuestion(event) {
  event.preventDefault();
  const question = questions[byId("question").selectedIndex];
  const params = new URLSearchParams();
  for (const parameter of question.parameters) {
    const value = byId("param-" + parameter.name).value.trim();
    if (value !== "") params.append(parameter.name, value);
  }
  const query = params.toString();
  fetchResults("/ask/" + encodeURIComponent(question.name) + (query ? "?" + query : ""),
      { headers: { "Accept": RESULTS_JSON + ", text/turtle;q=0.9" } });
}

function pickQuestion() {
  const question = questions[byId("question").selectedIndex];
  byId("question-text").textContent = question.question;
  byId("sparql").value = question.sparql;
  const box = byId("parameters");
  box.replaceChildren();
  for (const parameter of question.parameters) {
    const line = document.createElement("div");
    const label = document.createElement("label");
    label.htmlFor = "param-" + parameter.name;
    label.textContent = parameter.name;
    const input = document.createElement("input");
    input.id = "param-" + parameter.name;
    input.name = parameter.name;
    input.title = parameter.description;
    input.value = question.example[parameter.name] || "";
    line.append(label, input);
    box.appendChild(line);
  }
}

async function start() {
  byId("endpoint").textContent = new URL("/sparql", window.location.href).href;
  byId("run").addEventListener("click", runSparql);
  byId("ask-form").addEventListener("submit", askQuestion);
  byId("question").addEventListener("change", pickQuestion);
  const response = await fetch("/ask");
  questions = await response.json();
  const select = byId("question");
  for (const question of questions) {
    const option = document.createElement("option");
    option.value = question.name;
    option.textContent = question.name + " — " + question.question;
    select.appendChild(option);
  }
  if (questions.length > 0) pickQuestion();
  document.body.dataset.ready = "true";
}

start();
