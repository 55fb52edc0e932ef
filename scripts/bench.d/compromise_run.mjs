// compromise_run.mjs - the compromise peer of scripts/bench: people, places
// and organizations of each document of a JSON Lines sample, as compromise's
// README shows (nlp(text).people() / .places() / .organizations()).
//   node compromise_run.mjs MODULE_DIR SAMPLE.jsonl   prints: docs bytes seconds found
// MODULE_DIR is where `npm install --prefix MODULE_DIR compromise` put it;
// the package is an ES module, hence import() of its entry point.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = path.resolve(process.argv[2], 'node_modules', 'compromise', 'src', 'three.js');
const nlp = (await import(pathToFileURL(entry).href)).default;
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
