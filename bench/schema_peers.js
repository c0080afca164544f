// Runs one library peer on one pair and prints its verdict on one line:
//   node bench/schema_peers.js PEER OLD NEW
// PEER: json-schema-diff-validator | api-smart-diff | asyncapi-diff.
// Verdict: "breaking N" / "clean" / "gave up: <reason>". Exit 0 unless the
// peer itself could not be loaded. Peers come from ACCORD_PEERS_DIR
// (default ~/.cache/accord-peers, installed by ../shared/peers/install.sh).
'use strict';
const fs = require('fs');
const path = require('path');
const dir = process.env.ACCORD_PEERS_DIR || path.join(process.env.HOME, '.cache/accord-peers');
const need = (name) => require(path.join(dir, 'node_modules', name));
const [peer, oldPath, newPath] = process.argv.slice(2);

function readDoc(p) {
  const text = fs.readFileSync(p, 'utf8');
  if (p.endsWith('.json')) return JSON.parse(text);
  return need('js-yaml').load(text);
}

async function main() {
  if (peer === 'json-schema-diff-validator') {
    const v = need('json-schema-diff-validator');
    try {
      v.validateSchemaCompatibility(readDoc(oldPath), readDoc(newPath), {});
      return 'clean';
    } catch (e) {
      return 'breaking (' + String(e.message).split('\n')[0].slice(0, 80) + ')';
    }
  }
  if (peer === 'api-smart-diff') {
    const { apiCompare } = need('api-smart-diff');
    const { diffs } = apiCompare(readDoc(oldPath), readDoc(newPath));
    const breaking = diffs.filter((d) => d.type === 'breaking').length;
    return breaking ? 'breaking ' + breaking : 'clean (' + diffs.length + ' changes)';
  }
  if (peer === 'asyncapi-diff') {
    const { Parser } = need('@asyncapi/parser');
    const asyncDiff = need('@asyncapi/diff');
    const parser = new Parser();
    const docs = [];
    for (const p of [oldPath, newPath]) {
      const r = await parser.parse(fs.readFileSync(p, 'utf8'), { source: path.resolve(p) });
      if (!r.document) return 'gave up: ' + p + ' does not parse (' + (r.diagnostics || []).filter((d) => d.severity === 0).length + ' errors)';
      docs.push(r.document.json());
    }
    const out = asyncDiff.diff(docs[0], docs[1]);
    const breaking = out.breaking().length;
    return breaking ? 'breaking ' + breaking : 'clean';
  }
  throw new Error('unknown peer ' + peer);
}

main().then((v) => console.log(v), (e) => { console.log('gave up: ' + String(e && e.message).split('\n')[0].slice(0, 100)); });
