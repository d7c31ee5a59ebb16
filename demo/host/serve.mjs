// `npm run demo:host`: builds the panel (mock API, iframe-ready), its federation remote and the demo
// dashboard, then serves the panel (with /remote/remoteEntry.js) and the dashboard on two origins.
// DEMO_PANEL_PORT / DEMO_HOST_PORT choose the ports; `--no-build` serves what was built last.
import { build, preview } from 'vite';

const panelPort = Number(process.env.DEMO_PANEL_PORT ?? 5180);
const hostPort = Number(process.env.DEMO_HOST_PORT ?? 5181);
const panelOrigin = `http://127.0.0.1:${panelPort}`;
const hostOrigin = `http://127.0.0.1:${hostPort}`;

// The dashboard is the only origin allowed to frame the panel, load its remote and talk to it.
process.env.VITE_EMBED_ALLOWED_ORIGINS = hostOrigin;
process.env.DEMO_PANEL_ORIGIN = panelOrigin;

const quiet = { logLevel: 'warn' };
if (!process.argv.includes('--no-build')) {
  await build({ ...quiet, configFile: 'vite.config.ts', mode: 'mock', build: { outDir: 'dist-demo/panel', emptyOutDir: true } });
  await build({ ...quiet, configFile: 'vite.remote.config.ts', build: { outDir: 'dist-demo/panel/remote', emptyOutDir: true } });
  await build({ ...quiet, configFile: 'demo/host/vite.config.ts' });
}

const panel = await preview({
  ...quiet,
  configFile: 'vite.config.ts',
  mode: 'mock',
  build: { outDir: 'dist-demo/panel' },
  preview: { host: '127.0.0.1', port: panelPort, strictPort: true, cors: { origin: [hostOrigin] } },
});
const host = await preview({
  ...quiet,
  configFile: 'demo/host/vite.config.ts',
  preview: { host: '127.0.0.1', port: hostPort, strictPort: true },
});

console.log(`
  Demo dashboard   ${hostOrigin}/admin/users/usr_2b7f1c9e4a          (panel in an iframe)
                   ${hostOrigin}/admin/users/usr_2b7f1c9e4a/gastown-mf (panel by module federation)
  Panel            ${panelOrigin}   (frame-ancestors ${hostOrigin}; remote entry ${panelOrigin}/remote/remoteEntry.js)
  Ctrl-C stops both.
`);

const stop = async () => {
  await Promise.allSettled([panel.close(), host.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
