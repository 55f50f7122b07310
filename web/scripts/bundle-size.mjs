// Reports the gzipped JavaScript each page of the build loads (entry, static imports, one
// language catalogue), as the server sends it (the build's .gz beside each file), and fails when
// the audience page exceeds its 60 KiB budget, the one e2e/audience-page.test.ts measures on the wire.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const BUDGET = { 'index.html': 60 * 1024 };
const gzipped = (file) => {
  const sent = join(dist, `${file}.gz`);
  return existsSync(sent) ? statSync(sent).size : gzipSync(readFileSync(join(dist, file))).length;
};

function staticJs(page) {
  const html = readFileSync(join(dist, page), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/(static\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(`static/${m[1]}`);
  }
  return [...seen];
}

const catalogues = readdirSync(join(dist, 'static')).filter((f) => /^(sv|en)-.*\.js$/.test(f));
const catalogue = Math.max(...catalogues.map((f) => gzipped(`static/${f}`)));
let failed = false;
for (const page of ['index.html', 'app.html']) {
  const files = staticJs(page);
  const total = files.reduce((sum, f) => sum + gzipped(f), 0) + catalogue;
  const budget = BUDGET[page];
  const verdict = budget ? (total <= budget ? `within ${budget} B` : `OVER ${budget} B`) : '';
  if (budget && total > budget) failed = true;
  console.log(`${page}: ${total} B gzipped JS (${files.length} files + one catalogue) ${verdict}`);
}
process.exit(failed ? 1 : 0);
