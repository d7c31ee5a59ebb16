import { useDialogFocus } from '../../../components/dialog-focus';
import { Command } from 'cmdk';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { explainError } from '../../../components/error-state';
import { usePortalContainer } from '../../../components/portal-container';
import { StatusBadge } from '../../../components/status-badge';
import { shortId } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useActionDialog, useMountedActions, type MountedAction } from '../../interventions';
import { usePaletteSearch } from '../api/palette-search';
import { GO_KEYS } from '../model/keys';
import { MIN_SERVER_QUERY, matchesQuery } from '../model/matches';
import { toRouteContext } from '../model/route-context';
import '../command-palette.css';
import { clipLine } from '../../../lib/bounded-text';

/**
 * The command palette (Ctrl/⌘-K): cmdk's list and keyboard model inside the app's Radix dialog.
 * Jumps to a user, town, bead or agent by name, title or short id, and runs an action of the page's
 * target through the one intervention dialog (the same request its button opens).
 */
export function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const container = usePortalContainer();
  const focus = useDialogFocus();
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={container}>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="palette" aria-describedby={undefined} {...focus.props}>
          <Dialog.Title className="visually-hidden">Command palette</Dialog.Title>
          {open ? (
            <PaletteBody
              onDone={(navigating) => {
                // A jump to another page: its heading takes focus (app/use-route-focus.ts), not the opener.
                if (navigating) focus.skip();
                onOpenChange(false);
              }}
            />
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function actionLabel(action: MountedAction): string {
  const { target } = action.request;
  return `${action.label} — ${target.kind} ${shortId(target.id)}`;
}

function PaletteBody({ onDone }: { onDone: (navigating?: boolean) => void }) {
  const [q, setQ] = useState('');
  const { pathname } = useLocation();
  const context = toRouteContext(pathname);
  const navigate = useNavigate();
  const openAction = useActionDialog();
  const found = usePaletteSearch(q, context, true);
  const actions = useMountedActions().filter((a) => matchesQuery(q, actionLabel(a), ''));
  const goes = GO_KEYS.flatMap((g) => {
    const href = g.href(context);
    return href && matchesQuery(q, `Go to ${g.label}`, '') ? [{ ...g, href }] : [];
  });
  const go = (href: string) => {
    onDone(true);
    void navigate(href);
  };
  const townId = context.townId;
  const short = q.trim().length < MIN_SERVER_QUERY;

  return (
    <Command label="Command palette" shouldFilter={false} loop className="palette-command">
      <Command.Input
        value={q}
        onValueChange={setQ}
        className="palette-input"
        placeholder={townId ? 'Bead title or id, agent, town, user, or an action…' : 'User, town (of this user), or an action…'}
      />
      <Command.List className="palette-list">
        {found.loading ? <Command.Loading>Searching…</Command.Loading> : null}
        <Command.Empty className="palette-empty">
          {short ? 'Type two characters or more to search users and beads.' : `Nothing matches “${q.trim()}” here.`}
        </Command.Empty>
        {found.errors.length > 0 ? (
          <div className="palette-error" role="alert">
            Part of the search failed: {explainError(found.errors[0]).message}
          </div>
        ) : null}

        {actions.length > 0 ? (
          <Command.Group heading="Actions on this page">
            {actions.map((a) => (
              <Command.Item
                key={`${a.request.action}:${a.request.target.id}`}
                value={`action:${a.request.action}:${a.request.target.id}`}
                disabled={a.disabled}
                onSelect={() => {
                  onDone();
                  openAction(a.request);
                }}
              >
                <span>{actionLabel(a)}</span>
                {a.disabled && a.title ? <span className="palette-meta">{a.title}</span> : null}
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}

        {found.beads.length > 0 && townId ? (
          <Command.Group heading="Beads">
            {found.beads.map((b) => (
              <Command.Item key={b.id} value={`bead:${b.id}`} onSelect={() => go(paths.bead.getHref(townId, b.id))}>
                <span className="palette-name">{clipLine(b.title)}</span>
                <span className="palette-meta mono">{shortId(b.id)}</span>
                <StatusBadge kind="bead" status={b.status} />
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}

        {found.agents.length > 0 && townId ? (
          <Command.Group heading="Agents">
            {found.agents.map((a) => (
              <Command.Item key={a.id} value={`agent:${a.id}`} onSelect={() => go(paths.agent.getHref(townId, a.id))}>
                <span className="palette-name">{clipLine(a.name)}</span>
                <span className="palette-meta">{a.role}</span>
                <span className="palette-meta mono">{shortId(a.id)}</span>
                <StatusBadge kind="agent" status={a.status} />
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}

        {found.towns.length > 0 ? (
          <Command.Group heading="Towns">
            {found.towns.map((t) => (
              <Command.Item key={t.id} value={`town:${t.id}`} onSelect={() => go(paths.town.getHref(t.id, 'state'))}>
                <span className="palette-name">{clipLine(t.name)}</span>
                <span className="palette-meta mono">{shortId(t.id)}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}

        {found.users.length > 0 ? (
          <Command.Group heading="Users">
            {found.users.map((u) => (
              <Command.Item key={u.id} value={`user:${u.id}`} onSelect={() => go(paths.user.getHref(u.id))}>
                <span className="palette-name">{clipLine(u.name)}</span>
                <span className="palette-meta">{u.email}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}

        {goes.length > 0 ? (
          <Command.Group heading="Go to">
            {goes.map((g) => (
              <Command.Item key={g.key} value={`go:${g.key}`} onSelect={() => go(g.href)}>
                <span className="palette-name">{g.label}</span>
                <kbd className="kbd">g {g.key}</kbd>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {/* Last: Enter on a found bead or agent must still open it. */}
        {townId && !short ? (
          <Command.Group heading="Search this town">
            <Command.Item value={`search:${q.trim()}`} onSelect={() => go(paths.townSearch.getHref(townId, q.trim()))}>
              <span>Search this town for “{q.trim()}”</span>
              <span className="palette-meta">beads, agents, errors, timeline, every agent’s SDK events</span>
            </Command.Item>
          </Command.Group>
        ) : null}
      </Command.List>
    </Command>
  );
}
