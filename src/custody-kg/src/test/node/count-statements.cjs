// Counts the statements of a custody-kg dump with parsers independent of Jena (n3, jsonld).
// Usage: NODE_PATH=target/npm/node_modules node count-statements.cjs FORMAT FILE
// FORMAT: ttl | nt | trig | nq | jsonld. Prints the number of distinct statements.
'use strict';
const fs = require('fs');

async function main() {
  const [format, file] = process.argv.slice(2);
  const text = fs.readFileSync(file, 'utf8');
  if (format === 'jsonld') {
    const jsonld = require('jsonld');
    const refuse = async (url) => { throw new Error('no network: ' + url); };
    const nquads = await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads', documentLoader: refuse });
    console.log(new Set(nquads.split('\n').filter((l) => l.trim() !== '')).size);
    return;
  }
  const n3 = require('n3');
  const names = { ttl: 'Turtle', nt: 'N-Triples', trig: 'TriG', nq: 'N-Quads' };
  if (!names[format]) {
    throw new Error('unknown format ' + format);
  }
  const store = new n3.Store(new n3.Parser({ format: names[format] }).parse(text));
  console.log(store.size);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
