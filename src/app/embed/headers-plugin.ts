import type { Plugin } from 'vite';
import { contentSecurityPolicy, parseAllowedOrigins } from './origins.js';

/**
 * Sends the panel's CSP (`frame-ancestors` = the allowed dashboard origins) from the dev and
 * preview servers, and writes it to `_headers` in the build, which Workers static assets
 * (and Pages/Netlify-style hosts) serve with every file.
 */
export function embedHeaders(rawOrigins: string | undefined): Plugin {
  const { origins, rejected } = parseAllowedOrigins(rawOrigins);
  const csp = contentSecurityPolicy(origins);
  const setHeader = (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    res.setHeader('Content-Security-Policy', csp);
    next();
  };
  return {
    name: 'gastown-admin:embed-headers',
    configResolved(config) {
      for (const r of rejected) config.logger.warn(`VITE_EMBED_ALLOWED_ORIGINS: “${r.entry}” refused — ${r.reason}`);
    },
    configureServer(server) {
      server.middlewares.use(setHeader);
    },
    configurePreviewServer(server) {
      server.middlewares.use(setHeader);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n  Content-Security-Policy: ${csp}\n` });
    },
  };
}
