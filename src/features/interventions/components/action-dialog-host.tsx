import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ActionDialog, type ActionDialogRequest } from './action-dialog';
import { createMountedActions, MountedActionsContext } from './mounted-actions';

interface Host {
  open(request: ActionDialogRequest): number;
  update(id: number, request: ActionDialogRequest): void;
}

const HostContext = createContext<Host | null>(null);

/**
 * Hosts the open intervention dialog above every inspector, so an action's own refetch (a row that
 * turns "merged", an editor that remounts on the new version, an agent page that becomes "not found")
 * can never unmount the dialog before the admin has read the verified result. Mount it once, inside
 * the router (the app shell does); a route change closes the dialog.
 */
export function ActionDialogHost({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<{ id: number; request: ActionDialogRequest } | null>(null);
  const nextId = useRef(0);
  const host = useMemo<Host>(
    () => ({
      open: (request) => {
        const id = ++nextId.current;
        setCurrent({ id, request });
        return id;
      },
      update: (id, request) => setCurrent((c) => (c && c.id === id ? { id, request } : c)),
    }),
    [],
  );
  const [mounted] = useState(createMountedActions);
  const { pathname } = useLocation();
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    if (current) setCurrent(null);
  }
  return (
    <HostContext value={host}>
      <MountedActionsContext value={mounted}>{children}</MountedActionsContext>
      {current ? <ActionDialog key={current.id} request={current.request} onClose={() => setCurrent(null)} /> : null}
    </HostContext>
  );
}

/**
 * Opens the intervention dialog in the host. With `live`, the opener keeps the open dialog's inputs
 * (version, parameters such as an editor's diff) current while it stays mounted; once it unmounts,
 * the dialog keeps the last ones and carries on.
 */
export function useActionDialog(live?: ActionDialogRequest): (request?: ActionDialogRequest) => void {
  const host = useContext(HostContext);
  if (!host) throw new Error('Intervention buttons need an <ActionDialogHost> above them (the app shell mounts one).');
  const openId = useRef<number | null>(null);
  useEffect(() => {
    if (live && openId.current !== null) host.update(openId.current, live);
  });
  return useCallback(
    (request?: ActionDialogRequest) => {
      const r = request ?? live;
      if (r) openId.current = host.open(r);
    },
    [host, live],
  );
}
