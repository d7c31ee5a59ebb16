import { createContext, useContext, useEffect, useId, useMemo } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ActionDialogRequest } from './action-dialog';

/** One action the page offers on screen now, as its button would open it. */
export interface MountedAction {
  /** The action's label on its button. */
  label: string;
  request: ActionDialogRequest;
  disabled: boolean;
  /** Why it is disabled, or what it does. */
  title?: string;
}

type Registry = StoreApi<{ bars: Record<string, MountedAction[]> }>;

export const createMountedActions = (): Registry => createStore(() => ({ bars: {} }));

export const MountedActionsContext = createContext<Registry | null>(null);
const EMPTY = createMountedActions();

/**
 * Registers the actions an action bar shows while it is mounted, so the command palette can run
 * "an action on the current target" with exactly the button's request (fields, version, disabled
 * state) through the same dialog, rather than a second description of each action. Re-registers on
 * every render of the bar: its items are rebuilt from fresh data each time.
 */
export function useRegisterActions(actions: MountedAction[]) {
  const registry = useContext(MountedActionsContext);
  const id = useId();
  useEffect(() => {
    if (!registry) return;
    registry.setState((s) => ({ bars: { ...s.bars, [id]: actions } }));
    return () =>
      registry.setState((s) => {
        const rest = { ...s.bars };
        delete rest[id];
        return { bars: rest };
      });
  }, [registry, id, actions]);
}

/** Every action the mounted action bars offer now, in mount order. */
export function useMountedActions(): MountedAction[] {
  const bars = useStore(useContext(MountedActionsContext) ?? EMPTY, (s) => s.bars);
  return useMemo(() => Object.values(bars).flat(), [bars]);
}
