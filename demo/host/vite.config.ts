import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The demo host: a stand-in for Kilo's admin dashboard (user detail page with a Gastown section)
 * that embeds the panel by iframe and by module federation. `npm run demo:host` builds and serves it.
 * DEMO_PANEL_ORIGIN is where the panel (and its remote entry under /remote/) is served.
 */
const panelOrigin = process.env.DEMO_PANEL_ORIGIN ?? 'http://127.0.0.1:5180';

export default defineConfig({
  root: import.meta.dirname,
  // The mock admin API for the federated panel runs in this page (MSW's worker script is in public/).
  publicDir: '../../public',
  plugins: [
    react(),
    federation({
      name: 'kiloAdminDemo',
      remotes: {
        gastownAdmin: {
          type: 'module',
          name: 'gastownAdmin',
          entry: `${panelOrigin}/remote/remoteEntry.js`,
          entryGlobalName: 'gastownAdmin',
          shareScope: 'default',
        },
      },
      shared: {
        react: { singleton: true, requiredVersion: '^19.3.1' },
        'react-dom': { singleton: true, requiredVersion: '^19.3.1' },
      },
      dts: false,
      manifest: false,
    }),
  ],
  define: { __DEMO_PANEL_ORIGIN__: JSON.stringify(panelOrigin), __MOCK_API__: 'true' },
  build: { outDir: '../../dist-demo/host', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
});
