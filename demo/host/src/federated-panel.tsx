import { useEffect, useRef } from 'react';
import type { Theme } from '../../../src/app/embed/messages';
import type * as GastownRemote from '../../../src/remote';
import { tokenSource, type Persona } from './personas';

type Remote = typeof GastownRemote;

let mockApi: Promise<unknown> | null = null;
/** The demo's stand-in for the admin API: MSW in this page, serving the scenario towns. */
function startMockApi() {
  return (mockApi ??= import('../../../src/mocks/browser').then(({ worker }) =>
    worker.start({ onUnhandledRequest: 'bypass', quiet: true }),
  ));
}

/**
 * The panel mounted into this page's DOM by module federation. React comes from this page (shared
 * singleton); the panel's routes continue this page's URL under `basePath`.
 */
export function FederatedPanel({
  basePath,
  apiBase,
  persona,
  theme,
  onRoute,
}: {
  basePath: string;
  apiBase: string;
  persona: Persona;
  theme: Theme;
  onRoute: (path: string) => void;
}) {
  const slot = useRef<HTMLDivElement>(null);
  const remote = useRef<Remote | null>(null);
  const latest = useRef({ theme, onRoute });
  useEffect(() => {
    latest.current = { theme, onRoute };
  });

  useEffect(() => {
    const element = slot.current!;
    let live = true;
    const getToken = tokenSource(persona);
    void Promise.all([startMockApi(), import('gastownAdmin/mount') as Promise<Remote>]).then(([, loaded]) => {
      if (!live) return;
      remote.current = loaded;
      loaded.mount(element, {
        basePath,
        apiBase,
        getToken,
        onNavigate: (path) => latest.current.onRoute(path),
        theme: latest.current.theme,
      });
    });
    return () => {
      live = false;
      remote.current?.unmount(element);
    };
  }, [basePath, apiBase, persona]);

  useEffect(() => remote.current?.setTheme(theme), [theme]);

  return <div ref={slot} className="panel-slot" data-testid="federated-slot" />;
}
