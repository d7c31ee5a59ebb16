import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { parseAllowedOrigins } from './src/app/embed/origins.js';

/**
 * The module-federation build of the panel (`npm run build:remote` → dist-remote/remoteEntry.js).
 * It exposes `./mount` (src/remote.tsx) and takes React from the host as a singleton. The main
 * build (vite.config.ts) is untouched by it.
 */
const SCOPE = '.gastown-admin';

interface CssNode {
  type: string;
  parent?: CssNode;
  name?: string;
  params?: string;
  prop?: string;
  value?: string;
  selectors?: string[];
  walk?: (visit: (node: CssNode) => void) => void;
}

function scopeSelector(selector: string): string {
  const s = selector.trim();
  if (/^(html|body)$/.test(s)) return SCOPE;
  if (s.startsWith(':root')) return `${SCOPE}${s.slice(':root'.length)}`;
  if (s === '*') return `${SCOPE} *`;
  return `${SCOPE} ${s}`;
}

/**
 * Rewrites the panel's global stylesheet so it lives inside the mount element: `:root`/`html`/`body`
 * become the mount element, every other rule is prefixed with it, keyframes get a private name.
 * The host's page keeps its own look, and the panel keeps its own.
 */
const scopeToMountElement = {
  postcssPlugin: 'gastown-admin-scope',
  Once(root: CssNode) {
    const keyframes = new Map<string, string>();
    root.walk?.((node) => {
      if (node.type === 'atrule' && node.name === 'keyframes' && node.params) {
        const renamed = `gastown-admin-${node.params}`;
        keyframes.set(node.params, renamed);
        node.params = renamed;
      }
    });
    root.walk?.((node) => {
      if (node.type === 'rule' && node.selectors && !(node.parent?.type === 'atrule' && node.parent.name === 'keyframes')) {
        node.selectors = node.selectors.map(scopeSelector);
      }
      if (node.type === 'decl' && (node.prop === 'animation' || node.prop === 'animation-name') && node.value) {
        node.value = node.value.replace(/[\w-]+/g, (word) => keyframes.get(word) ?? word);
      }
    });
  },
};

const CSS_REGISTRY = resolve(import.meta.dirname, 'src/app/embed/css-registry.ts');
const REGISTERED = '\0gastown-admin-css:';

/**
 * Turns every plain CSS import into "register this (scoped) stylesheet with the panel": the host's
 * <head> gets no <link> from the remote, and `unmount` can remove every style the panel brought.
 */
const registerCssImports: Plugin = {
  name: 'gastown-admin:register-css',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || importer.startsWith('\0') || !/\.css$/.test(source)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    // The `.js` suffix keeps Vite's CSS plugin off the generated module.
    return resolved ? `${REGISTERED}${resolved.id}.js` : null;
  },
  load(id) {
    if (!id.startsWith(REGISTERED)) return null;
    const file = id.slice(REGISTERED.length, -'.js'.length);
    return `import css from ${JSON.stringify(`${file}?inline`)};\nimport { registerCss } from ${JSON.stringify(CSS_REGISTRY)};\nregisterCss(css);\n`;
  },
};

export default defineConfig(({ mode }) => {
  const { origins } = parseAllowedOrigins(loadEnv(mode, process.cwd(), 'VITE_').VITE_EMBED_ALLOWED_ORIGINS);
  return {
    // Relative: chunks and preloads resolve against remoteEntry.js wherever it is deployed.
    base: './',
    publicDir: false,
    plugins: [
      registerCssImports,
      react(),
      federation({
        name: 'gastownAdmin',
        filename: 'remoteEntry.js',
        exposes: { './mount': './src/remote.tsx' },
        shared: {
          react: { singleton: true, requiredVersion: '^19.3.1' },
          'react-dom': { singleton: true, requiredVersion: '^19.3.1' },
        },
        dts: false,
        manifest: false,
      }),
    ],
    define: { __MOCK_API__: 'false' },
    css: { postcss: { plugins: [scopeToMountElement] } },
    worker: { format: 'es' },
    build: {
      outDir: 'dist-remote',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      chunkSizeWarningLimit: 600,
      rollupOptions: { input: { remote: 'src/remote.tsx' } },
    },
    // The host page loads these modules cross-origin: only the allowed dashboards may.
    preview: { cors: { origin: origins } },
  };
});
