import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { mintDevToken } from '../../scripts/lib/tokens.mjs';

/**
 * The demo host: a stand-in for Kilo's admin dashboard (user detail page with a Gastown section)
 * that embeds the panel by iframe and by module federation. `npm run demo:host` builds and serves it.
 * DEMO_PANEL_ORIGIN is where the panel (and its remote entry under /remote/) is served.
 */
const panelOrigin = process.env.DEMO_PANEL_ORIGIN ?? 'http://127.0.0.1:5180';

/**
 * The dashboard's own backend, as far as the panel cares: it mints a short-lived signed admin token for
 * the signed-in admin (`GET /demo-api/token?kind=admin|support|expired`), with the dev keys, server-side.
 */
function demoTokens(): Plugin {
  const handler: Connect.NextHandleFunction = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://demo');
    if (url.pathname !== '/demo-api/token') return next();
    const kind = url.searchParams.get('kind');
    if (kind !== 'admin' && kind !== 'support' && kind !== 'expired') {
      res.statusCode = 400;
      res.end('kind: admin, support or expired');
      return;
    }
    void mintDevToken({ admin: kind !== 'support', expiresInS: kind === 'expired' ? -60 : 15 * 60 }).then((token) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify({ token }));
    });
  };
  return {
    name: 'demo-tokens',
    configureServer: (server) => void server.middlewares.use(handler),
    configurePreviewServer: (server) => void server.middlewares.use(handler),
  };
}

export default defineConfig({
  root: import.meta.dirname,
  // The mock admin API for the federated panel runs in this page (MSW's worker script is in public/).
  publicDir: '../../public',
  plugins: [
    demoTokens(),
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
