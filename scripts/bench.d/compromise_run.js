// compromise_run.js - the compromise peer of scripts/bench: people, places
// and organizations of each document of a JSON Lines sample, as compromise's
// README shows (nlp(text).people() / .places() / .organizations()).
//   node compromise_run.js MODULE_DIR SAMPLE.jsonl   prints: docs bytes seconds
const path = require('path');
const fs = require('fs');
const nlp = require(path.join(process.argv[2], 'node_modules', 'compromise'));
const docs = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l).body);
let bytes = 0, found = 0;
const t0 = process.hrtime.bigint();
for (const text of docs) {
    const doc = nlp(text);
    found += doc.people().out('array').length + doc.places().out('array').length +
        doc.organizations().out('array').length;
    bytes += Buffer.byteLength(text);
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${docs.length} ${bytes} ${secs.toFixed(4)} ${found}`);
