import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

/**
 * The dependency rules of ARCHITECTURE.md, enforced:
 * - a feature imports another feature only through its public `index.ts`;
 * - `components/` and `lib/` import no feature (nor pages/app);
 * - `api/` imports nothing of the UI; `worker/` imports only `src/api` and the scenario builders;
 * - no import cycles.
 */
const FEATURES = [
  'user-gastown',
  'town-inspector',
  'bead-inspector',
  'agent-inspector',
  'interventions',
  'audit-log',
  'diagnosis',
  'deployment',
  'saved-views',
  'compare',
];

const otherFeature = (feature) => ({
  regex: `^(\\.\\./)+(features/)?(${FEATURES.filter((f) => f !== feature).join('|')})/(?!index$).+`,
  message: 'Import another feature only through its index.ts (its public face).',
});

const featureZones = FEATURES.flatMap((feature) => [
  {
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    ignores: [`src/features/${feature}/**/*.test.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            otherFeature(feature),
            {
              regex: '^(\\.\\./)+(pages|app|mocks|server|worker|scenarios)(/|$)',
              message: "Features import only other features' index, components, lib and api: the backend is reached over HTTP.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may build scenario data from the mocks.
    files: [`src/features/${feature}/**/*.test.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            otherFeature(feature),
            { regex: '^(\\.\\./)+(pages|app)(/|$)', message: 'Feature tests do not import pages or the app.' },
          ],
        },
      ],
    },
  },
]);

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'public/mockServiceWorker.js',
      '.wrangler',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Untrusted text stays text: never inject HTML.' },
      ],
    },
  },
  ...featureZones,
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(features|pages|app|mocks|server|worker|scenarios)(/|$)',
              message: 'components/ and lib/ import no feature, page, app, backend or mock code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/**/*.ts'],
    ignores: ['src/api/**/*.test.ts', 'src/api/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(features|pages|app|components|lib|mocks)(/|$)',
              message: 'The contract imports nothing of the UI or the mocks.',
            },
            { group: ['react', 'react-*'], message: 'The contract has no UI side effects.' },
          ],
        },
      ],
    },
  },
  {
    // The reference admin API has no host in it: it reads the contract's schemas and the scenario builders,
    // and talks to storage, time and other objects only through its ports (server/ports.ts, server/host.ts).
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'cloudflare:workers', message: 'server/ is host-free: the worker adapts Durable Objects to its ports.' }],
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!api/(schemas|endpoints|errors)(/|$))',
              message: 'server/ imports only the contract (src/api schemas, endpoints, errors) and scenarios/.',
            },
            { regex: '^(\\.\\./)+worker(/|$)', message: 'server/ never imports its hosts.' },
            {
              group: ['react', 'react-*', 'msw', 'msw/*', 'sql.js', 'sql.js/*'],
              message: 'server/ is host-free: no React, MSW or SQLite binding.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scenario builders are data: the contract's types, nothing of any host or UI.
    files: ['scenarios/**/*.ts'],
    ignores: ['scenarios/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+(src/(?!api/schemas(/|$))|server|worker)', message: 'scenarios/ imports only the contract schemas.' },
            { group: ['react', 'react-*', 'msw', 'msw/*'], message: 'scenarios/ are data builders.' },
          ],
        },
      ],
    },
  },
  {
    // The Cloudflare host: Durable Object shells around server/ cores, nothing else.
    files: ['worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(src|scenarios)(/|$)',
              message: 'worker/ hosts server/; it reaches the contract and scenarios only through it.',
            },
            { group: ['react', 'react-*', 'msw', 'msw/*'], message: 'worker/ never imports React or MSW.' },
          ],
        },
      ],
    },
  },
  // Formatting is prettier's (checked by `npm run lint`); no stylistic rule may disagree with it.
  prettier,
);
