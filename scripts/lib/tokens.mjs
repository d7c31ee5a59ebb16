// The dev tokens, read from the scenario users (scenarios/users.ts) so scripts never drift
// from what the worker seeds. The file is TypeScript; the constant is a plain literal, so a regex does.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not wrangler.mjs's ROOT: wrangler.mjs imports this module, and a cycle would read ROOT before it is set.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const source = readFileSync(join(ROOT, 'scenarios/users.ts'), 'utf8');
const pick = (name) => {
  const match = new RegExp(`${name}:\\s*'([^']+)'`).exec(source.slice(source.indexOf('DEV_TOKENS')));
  if (!match) throw new Error(`DEV_TOKENS.${name} not found in scenarios/users.ts`);
  return match[1];
};

export const DEV_TOKENS = { admin: pick('admin'), nonAdmin: pick('nonAdmin') };
