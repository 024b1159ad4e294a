// The large quotes of issue 19 (import-bench.mjs, tests/e2e/large_quote):
// examples/specific-lines.json with its lines replaced by `n` lines, OS-MGD
// and NSU-C4 alternately, quantities 1 to 7, and no specific line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function largeQuote(n) {
  const q = JSON.parse(fs.readFileSync(path.join(root, 'examples/specific-lines.json'), 'utf8'));
  q.lines = Array.from({ length: n }, (_, i) => ({ id: i + 1, item: ['OS-MGD', 'NSU-C4'][i % 2], quantity: String(1 + (i % 7)) }));
  q.specific = [];
  return q;
}
