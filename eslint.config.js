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
const FEATURES = ['user-gastown', 'town-inspector', 'bead-inspector', 'agent-inspector', 'interventions', 'audit-log', 'diagnosis'];

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
            { regex: '^(\\.\\./)+(pages|app|mocks)(/|$)', message: "Features import only other features' index, components, lib and api." },
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
              regex: '^(\\.\\./)+(features|pages|app|mocks)(/|$)',
              message: 'components/ and lib/ import no feature, page, app or mock code.',
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
    files: ['worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+src/(?!api|mocks/scenarios)', message: 'worker/ imports only src/api and the scenario builders.' },
            { group: ['react', 'react-*'], message: 'worker/ never imports React.' },
          ],
        },
      ],
    },
  },
  // Formatting is prettier's (checked by `npm run lint`); no stylistic rule may disagree with it.
  prettier,
);
