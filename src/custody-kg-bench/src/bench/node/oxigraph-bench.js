// Times Oxigraph (npm package "oxigraph", in-memory store) on the same file and the same named
// questions as `custody bench`, so both are measured in one run on one machine.
//
// usage: node oxigraph-bench.js DATA.nt[.gz] ONTOLOGY.ttl QUERIES.json RUNS
//   QUERIES.json: [{"name": ..., "sparql": ...}, ...] with parameters already bound in the syntax tree.
// Prints one JSON object: load time, then per question the first (cold) and the median warm time in ms
// (timed after 2 s of warm-up runs, up to RUNS runs within 10 s, at least 3 unless one run takes longer).
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const readline = require('readline');
const oxigraph = require('oxigraph');

const [dataFile, ontologyFile, queriesFile, runsText] = process.argv.slice(2);
const runs = Number(runsText);
const WARM_BUDGET_MS = 10000;
// Repeated before timing, as Measure.WARM_UP_MILLIS on the Java side: V8 tiers WebAssembly up while it runs.
const WARM_UP_MS = 2000;
const CHUNK_LINES = 200000;

function ms(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// N-Triples is line-based, so the file is loaded in chunks of whole lines (no string holds it all).
async function loadNTriples(store, file) {
  let input = fs.createReadStream(file);
  if (file.endsWith('.gz')) {
    input = input.pipe(zlib.createGunzip());
  }
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let chunk = [];
  for await (const line of lines) {
    chunk.push(line);
    if (chunk.length === CHUNK_LINES) {
      store.load(chunk.join('\n'), { format: 'application/n-triples' });
      chunk = [];
    }
  }
  if (chunk.length) {
    store.load(chunk.join('\n'), { format: 'application/n-triples' });
  }
}

function size(result) {
  return Array.isArray(result) ? result.length : (result ? 1 : 0);
}

async function main() {
  const store = new oxigraph.Store();
  const loadStart = process.hrtime.bigint();
  await loadNTriples(store, dataFile);
  const loadMs = ms(loadStart);
  store.load(fs.readFileSync(ontologyFile, 'utf8'), { format: 'text/turtle', base_iri: 'https://w3id.org/custody-kg/ontology' });
  const questions = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
  const results = [];
  for (const { name, sparql } of questions) {
    let start = process.hrtime.bigint();
    const rows = size(store.query(sparql));
    const coldMs = ms(start);
    const warmUpStart = process.hrtime.bigint();
    do {
      store.query(sparql);
    } while (ms(warmUpStart) < WARM_UP_MS);
    const warm = [];
    const budgetStart = process.hrtime.bigint();
    for (let i = 0; i < runs && (i < 3 || ms(budgetStart) < WARM_BUDGET_MS); i++) {
      start = process.hrtime.bigint();
      store.query(sparql);
      warm.push(ms(start));
      if (warm[0] > WARM_BUDGET_MS) {
        break;
      }
    }
    results.push({ name, rows, coldMs, warmMs: median(warm), warmRuns: warm.length });
    process.stderr.write(`oxigraph ${name}: ${rows} rows, cold ${coldMs.toFixed(1)} ms, warm median ${median(warm).toFixed(3)} ms\n`);
  }
  process.stdout.write(JSON.stringify({ engine: 'oxigraph ' + require('oxigraph/package.json').version,
    node: process.version, triples: store.size, loadMs, results }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
