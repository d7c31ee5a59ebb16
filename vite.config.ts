import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { embedHeaders } from './src/app/embed/headers-plugin.js';

/**
 * One config for the app and its unit/component tests.
 * `--mode mock` serves the scenario towns from MSW in the browser (no backend).
 * GASTOWN_API_PROXY points `npm run dev` at a running admin API (default: the local worker).
 * VITE_EMBED_ALLOWED_ORIGINS: the dashboards that may frame the panel (CSP and the iframe bridge).
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), embedHeaders(loadEnv(mode, process.cwd(), 'VITE_').VITE_EMBED_ALLOWED_ORIGINS)],
  base: process.env.GASTOWN_BASE_PATH ?? '/',
  define: {
    __MOCK_API__: JSON.stringify(mode === 'mock'),
  },
  server: {
    proxy: mode === 'mock' ? undefined : { '/api': process.env.GASTOWN_API_PROXY ?? 'http://127.0.0.1:8787' },
  },
  // Only the app's own page: demo/host/index.html imports the federation remote, which the dev
  // server cannot pre-bundle (it printed "Failed to run dependency scan" and reloaded as it went).
  optimizeDeps: { entries: ['index.html'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./vitest.setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scenarios/**/*.test.ts', 'worker/**/*.test.ts'],
    css: false,
    // CI machines have two cores shared by the threads and the workerd instances the contract suites start.
    testTimeout: 30000,
    pool: 'threads',
  },
}));
