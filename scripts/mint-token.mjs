// `npm run mint-token -- [--not-admin] [--expires-in 60s] [--expired] [--not-before 5m] [--kid k]`:
// prints a signed dev admin token (see scripts/lib/tokens.mjs) for tests and curl, e.g.
//   curl -H "Authorization: Bearer $(npm run -s mint-token -- --expired)" http://127.0.0.1:8787/api/admin/session
import { DEV_KEYS, mintDevToken } from './lib/tokens.mjs';

const args = process.argv.slice(2);
const value = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
/** `90`, `90s`, `15m`, `2h` → seconds. */
const seconds = (text, name) => {
  const m = /^(\d+)(s|m|h)?$/.exec(text ?? '');
  if (!m) {
    console.error(`${name} takes a duration such as 60s, 15m or 2h (got ${text ?? 'nothing'}).`);
    process.exit(2);
  }
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] ?? 's'];
};
const USAGE = `npm run mint-token -- [--not-admin] [--expires-in 60s] [--expired] [--not-before 5m] [--kid ${Object.keys(DEV_KEYS.keys).join('|')}]`;
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const known = new Set(['--not-admin', '--expired', '--expires-in', '--not-before', '--kid']);
for (const a of args)
  if (a.startsWith('--') && !known.has(a)) {
    console.error(`Unknown option ${a}. ${USAGE}`);
    process.exit(2);
  }

const expiresInS = args.includes('--expired') ? -60 : value('--expires-in') ? seconds(value('--expires-in'), '--expires-in') : 15 * 60;
const token = await mintDevToken({
  admin: !args.includes('--not-admin'),
  expiresInS,
  notBeforeS: value('--not-before') ? seconds(value('--not-before'), '--not-before') : 0,
  kid: value('--kid') ?? DEV_KEYS.current_kid,
});
console.log(token);
