/** Production's town-wide polecat name pool; after it runs out names are `Polecat-N`. */
export const POLECAT_NAMES = [
  'Toast',
  'Maple',
  'Birch',
  'Shadow',
  'Clover',
  'Ember',
  'Sage',
  'Dusk',
  'Flint',
  'Coral',
  'Slate',
  'Reed',
  'Thorn',
  'Pike',
  'Moss',
  'Wren',
  'Blaze',
  'Gale',
  'Drift',
  'Lark',
] as const;

export function polecatName(index: number): string {
  return POLECAT_NAMES[index] ?? `Polecat-${index + 1}`;
}

/** `Toast-polecat-3f2a9c1b@9e8d7c6b`: name-role-rig8@town8. */
export function identityFor(name: string, role: string, rigId: string | null, townId: string): string {
  return `${name}-${role}-${(rigId ?? townId).replace(/-/g, '').slice(0, 8)}@${townId.replace(/-/g, '').slice(0, 8)}`;
}

export const ISSUE_TITLES = [
  'Add rate limiting to the public search endpoint',
  'Fix flaky checkout integration test',
  'Migrate session storage to Durable Objects',
  'Add dark mode toggle to settings page',
  'Paginate the orders list API',
  'Upgrade React Router to v7 data APIs',
  'Extract pricing rules into a shared module',
  'Add OpenTelemetry spans around payment capture',
  'Replace moment.js with date-fns',
  'Validate webhook signatures with constant-time compare',
  'Cache product thumbnails at the edge',
  'Add retry with jitter to the inventory client',
  'Write e2e test for password reset flow',
  'Remove dead feature flags from 2025 Q3',
  'Add CSV export to the admin reports page',
  'Fix N+1 query in customer order history',
  'Support multiple shipping addresses per account',
  'Harden CSP headers on marketing pages',
  'Add structured logging to the worker',
  'Backfill missing SKU metadata',
  'Fix timezone bug in daily digest emails',
  'Introduce a typed config loader',
  'Split the monolithic utils file',
  'Add skeleton loaders to the dashboard cards',
  'Make the cart drawer keyboard accessible',
  'Document the deploy pipeline in the README',
  'Add idempotency keys to the refund endpoint',
  'Reduce bundle size of the checkout route',
  'Add health check endpoint for the load balancer',
  'Handle 429s from the shipping rate API',
  'Add audit fields to the discounts table',
  'Fix memory leak in the websocket handler',
  'Normalize currency formatting across the app',
  'Add unit tests for the tax calculator',
  'Rename legacy "vendor" tables to "supplier"',
  'Move image uploads to signed URLs',
  'Add a feature flag for the new onboarding',
  'Improve error messages on the signup form',
  'Speed up the product search index rebuild',
  'Add pagination to the reviews widget',
] as const;

/** What a polecat is told: the prompts a generated session's user messages carry (its own bead is not known there). */
export const USER_PROMPTS = [
  'Work the bead on your hook: read its description, make the change, run the tests, then push your branch.',
  'The refinery sent your merge request back: rebase on main, resolve the conflict and submit again.',
  'You have been quiet for 30 minutes: say where you are on your hooked bead, or ask for help.',
  'CI failed on your last push: read the failing test output and fix it before continuing.',
  'Continue where you left off; commit once the test suite is green.',
] as const;

export const ASSISTANT_LINES = [
  "I'll start by reading the existing implementation to understand the current flow.",
  'The tests fail because the fixture uses a stale schema; updating it now.',
  'Running the test suite to confirm the change does not break anything else.',
  'Found the root cause: the retry loop never resets its counter after a success.',
  'I have committed the change and pushed the branch for review.',
  'Let me check how the config is loaded before changing the default.',
  'The linter flags an unused import; removing it.',
  'I will add a regression test that reproduces the bug first.',
  'All checks pass locally. Submitting the merge request to the refinery.',
  'The migration needs a backfill step; adding it behind a flag.',
] as const;

export const BASH_COMMANDS = [
  'npm test -- --run',
  'git status --short',
  'npm run lint',
  'git diff --stat',
  'npx tsc --noEmit',
  'git log --oneline -5',
  'rg "TODO" src',
  'npm run build',
  'git push origin HEAD',
  'ls -la src',
] as const;

export const SOURCE_FILES = [
  'src/routes/search.ts',
  'src/lib/retry.ts',
  'src/components/CartDrawer.tsx',
  'src/server/payments/capture.ts',
  'src/config/load.ts',
  'test/checkout.spec.ts',
  'src/db/orders.ts',
  'README.md',
  'src/worker/index.ts',
  'src/lib/currency.ts',
] as const;
