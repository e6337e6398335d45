// The query page: a SPARQL editor and result view (YASGUI, bundled with the server) pointed at this
// server's /sparql, and the named questions beside it. A named question's SPARQL goes to the editor;
// "Ask" asks it through /ask/{name} (the server binds the parameters) and shows the answer in the same
// result view. Everything is fetched from this server: YASGUI's own look-ups on other hosts (prefix.cc,
// LOV, an endpoint catalogue) are switched off, and the ontology's terms are completed from /sparql.
"use strict";

const RESULTS_JSON = "application/sparql-results+json";
const byId = (id) => document.getElementById(id);
const config = JSON.parse(document.querySelector("meta[name=custody-config]").content);
const endpoint = new URL("/sparql", window.location.href).href;
const TERMS_QUERY = "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
    + "SELECT DISTINCT ?term ?kind WHERE { VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty } "
    + "?term a ?kind FILTER(isIRI(?term)) }";
let questions = [];
let yasgui;

function prefixLines() {
  return Object.entries(config.prefixes).map(([prefix, ns]) => "PREFIX " + prefix + ": <" + ns + ">").join("\n");
}

function showStatus(text, isError) {
  const status = byId("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

// The ontology's classes and properties, asked once of this server, for the editor's completion.
let terms;
function ontologyTerms() {
  if (!terms) {
    const body = new URLSearchParams({ query: TERMS_QUERY });
    terms = fetch("/sparql", { method: "POST", headers: { "Accept": RESULTS_JSON }, body: body })
        .then((response) => response.ok ? response.json() : { results: { bindings: [] } })
        .then((json) => json.results.bindings);
  }
  return terms;
}

function completerOf(kinds) {
  return () => ontologyTerms().then((bindings) =>
      bindings.filter((b) => kinds.includes(b.kind.value.split("#")[1])).map((b) => b.term.value).sort());
}

function registerCompleters() {
  const Yasqe = Yasgui.Yasqe;
  Yasqe.forkAutocompleter("class", { name: "ontologyClass", bulk: true, autoShow: false, persistenceId: null,
    get: completerOf(["Class"]) }, false);
  Yasqe.forkAutocompleter("property", { name: "ontologyProperty", bulk: true, autoShow: false, persistenceId: null,
    get: completerOf(["ObjectProperty", "DatatypeProperty"]) }, false);
  // "class" and "property" ask LOV on the web; "prefixes" uses its bundled list (prefixCcApi stays unset)
  Yasqe.defaults.autocompleters = ["prefixes", "variables", "ontologyClass", "ontologyProperty"];
}

/** The page's own address with the query in its fragment: opening it runs the query again. */
function permalinkFor(query) {
  return window.location.origin + window.location.pathname + "#" + new URLSearchParams({ query: query }).toString();
}

function sparqlUrl(query, format) {
  return "/sparql?" + new URLSearchParams({ query: query, format: format }).toString();
}

function showLinks(query, queryType) {
  byId("permalink").href = permalinkFor(query);
  const downloads = byId("downloads");
  downloads.replaceChildren("Download:");
  const formats = queryType === "CONSTRUCT" || queryType === "DESCRIBE"
      ? [["Turtle", "ttl", "text/turtle"], ["JSON-LD", "jsonld", "application/ld+json"]]
      : [["CSV", "csv", "text/csv"], ["JSON", "json", RESULTS_JSON]];
  for (const [name, suffix, format] of formats) {
    const link = document.createElement("a");
    link.href = sparqlUrl(query, format);
    link.download = "custody-kg-answer." + suffix;
    link.id = "download-" + suffix;
    link.textContent = name;
    downloads.append(" ", link);
  }
}

// IRIs under the public base have their pages on this server: a result cell links there, not out.
function localise(root) {
  for (const link of root.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (href.startsWith(config.publicBase)) {
      link.setAttribute("href", "/" + href.substring(config.publicBase.length));
      link.removeAttribute("target");
      link.classList.add("local");
    }
  }
}

function countRows(yasr) {
  const results = yasr.results;
  if (!results) return;
  if (results.getType() === "boolean") {
    showStatus("Answer: " + (results.getBoolean() ? "yes" : "no"), false);
  } else if (results.getError()) {
    const error = results.getError();
    showStatus("Error" + (error.status ? " " + error.status : "") + ": " + (error.text || ""), true);
  } else if (results.getBindings()) {
    const count = results.getBindings().length;
    // a graph answer (CONSTRUCT, DESCRIBE) comes as Turtle, shown one triple a row
    const unit = (results.getContentType() || "").includes("turtle") ? " triple" : " row";
    showStatus(count + unit + (count === 1 ? "" : "s"), false);
  }
}

async function askQuestion(event) {
  event.preventDefault();
  const question = questions[byId("question").selectedIndex];
  const params = new URLSearchParams();
  for (const parameter of question.parameters) {
    const value = byId("param-" + parameter.name).value.trim();
    if (value !== "") params.append(parameter.name, value);
  }
  const query = params.toString();
  const url = "/ask/" + encodeURIComponent(question.name) + (query ? "?" + query : "");
  showStatus("Running…", false);
  const started = Date.now();
  const response = await fetch(url, { headers: { "Accept": RESULTS_JSON + ", text/turtle;q=0.9" } });
  const text = await response.text();
  const yasr = yasgui.getTab().getYasr();
  yasr.setResponse({ status: response.status, contentType: response.headers.get("Content-Type"), data: text,
    error: response.ok ? undefined : { status: response.status, text: text } }, Date.now() - started);
  if (!response.ok) showStatus("Error " + response.status + ": " + text, true);
}

function pickQuestion(event) {
  const question = questions[byId("question").selectedIndex];
  byId("question-text").textContent = question.question;
  // on load, a query from a permalink stays in the editor; picking a question replaces it
  if (event || !window.location.hash) yasgui.getTab().getYasqe().setValue(question.sparql);
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

function startEditor() {
  registerCompleters();
  const requested = new URLSearchParams(window.location.hash.substring(1)).get("query");
  const requestConfig = { endpoint: endpoint, method: "POST",
    acceptHeaderSelect: RESULTS_JSON, acceptHeaderGraph: "text/turtle", acceptHeaderUpdate: "text/plain" };
  yasgui = new Yasgui(byId("yasgui"), {
    requestConfig: requestConfig,
    persistenceId: null,
    populateFromUrl: false,
    copyEndpointOnNewTab: false,
    autofocus: false,
    endpointCatalogueOptions: { ...Yasgui.defaults.endpointCatalogueOptions, getData: () => [{ endpoint: endpoint }] },
    yasqe: { value: requested || prefixLines() + "\n\nSELECT * WHERE { ?s ?p ?o } LIMIT 10",
      persistenceId: null, editorHeight: "260px", createShareableLink: (yasqe) => permalinkFor(yasqe.getValue()) },
    yasr: { prefixes: config.prefixes, persistenceId: null, pluginOrder: ["table", "response"], defaultPlugin: "table" }
  });
  const tab = yasgui.getTab();
  const yasr = tab.getYasr();
  // cells show their whole value, wrapped, rather than cut with an ellipsis
  yasr.storePluginConfig("table", { isEllipsed: false });
  new MutationObserver(() => localise(byId("yasgui"))).observe(byId("yasgui"), { childList: true, subtree: true });
  yasr.on("drawn", () => {
    localise(byId("yasgui"));
    countRows(yasr);
  });
  tab.getYasqe().on("query", (yasqe) => {
    showStatus("Running…", false);
    showLinks(yasqe.getValue(), yasqe.getQueryType());
  });
  showLinks(tab.getYasqe().getValue(), tab.getYasqe().getQueryType());
  if (requested) tab.getYasqe().query();
}

async function start() {
  byId("endpoint").textContent = endpoint;
  startEditor();
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
