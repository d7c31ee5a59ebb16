// npm run bench [-- <name> ...]: runs bench/<name>.bench.mjs (all of them without a name).
// Each bench module's default export returns its figures; this writes bench/results/<name>.json.
import { readdirSync } from 'node:fs';
import { writeResult } from './lib.mjs';

const dir = new URL('./', import.meta.url);
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.replace('.bench.mjs', ''));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : available;
let failed = false;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`No bench named "${name}". Available: ${available.join(', ') || '(none)'}`);
    failed = true;
    continue;
  }
  const started = Date.now();
  try {
    const mod = await import(new URL(`./${name}.bench.mjs`, dir));
    const figures = await mod.default();
    writeResult(name, figures);
    console.log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`${name} failed:`, error);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
