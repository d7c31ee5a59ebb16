import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useHref, useLocation, useParams, useSearchParams } from 'react-router';
import { isApiError, type SavedView, type SavedViewScope } from '../../../api';
import { useSavedViewMutations, useSavedViews } from '../api/saved-views';
import { applySavedQuery, findCurrentView, hasFilters, SCOPE_NOUN, shareLink, toSavedQuery } from '../model/view-query';
import '../saved-views.css';

type Mode = { kind: 'idle' } | { kind: 'save' } | { kind: 'rename'; view: SavedView } | { kind: 'delete'; view: SavedView };

const messageOf = (error: unknown) => (isApiError(error) || error instanceof Error ? error.message : String(error));

export interface SavedViewsBarProps {
  scope: SavedViewScope;
  /**
   * Called with the URL's new parameters after a saved view is applied, for views that keep a text box
   * apart from the URL while typing (it follows the URL only on back/forward otherwise).
   */
  onApplied?: (params: URLSearchParams) => void;
}

/**
 * The admin's saved views of one view, beside its filters: pick one to apply it, save the current filter
 * under a name, rename, delete, copy a link that carries the filter. Opened without filters, the view
 * gets the one used last back (and says so). Stored on the server per admin; nothing here is audited.
 */
export function SavedViewsBar({ scope, onApplied }: SavedViewsBarProps) {
  const [params, setParams] = useSearchParams();
  const pathHref = useHref(useLocation().pathname);
  // Inside a town, its own views are listed beside the ones for every town.
  const townId = useParams().townId ?? null;
  const list = useSavedViews(scope, townId);
  const { create, update, remove, lastUsed } = useSavedViewMutations(scope);
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [name, setName] = useState('');
  const [thisTownOnly, setThisTownOnly] = useState(false);
  // The view applied last here: after the filter changes, "Update" saves the new filter into it.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const openedWithoutFilters = useRef(!hasFilters(params, scope));
  const restoreChecked = useRef(false);

  const views = list.data?.items ?? [];
  const current = findCurrentView(views, params, scope);
  const filtered = hasFilters(params, scope);
  const selected = current ?? views.find((v) => v.id === selectedId) ?? null;
  const changed = selected !== null && current === null && filtered;

  const apply = (view: SavedView | null, options: { replace: boolean }) => {
    const next = applySavedQuery(params, scope, view?.query ?? '');
    setParams(next, { replace: options.replace });
    onApplied?.(next);
    setLink(null);
    setError(null);
  };

  // Opened without filters: the view used last comes back, once, as the view loads.
  const lastId = list.data?.last_used_id ?? null;
  useEffect(() => {
    if (restoreChecked.current || !list.data) return;
    restoreChecked.current = true;
    const last = list.data.items.find((v) => v.id === lastId);
    if (!openedWithoutFilters.current || !last) return;
    apply(last, { replace: true });
    setSelectedId(last.id);
    setRestored(last.name);
    // Runs when the list first arrives; `apply` reads the URL as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.data, lastId]);

  const choose = (id: string) => {
    setRestored(null);
    const view = views.find((v) => v.id === id) ?? null;
    setSelectedId(view?.id ?? null);
    apply(view, { replace: false });
    lastUsed.mutate(view?.id ?? null);
  };

  const showAll = () => {
    setRestored(null);
    setSelectedId(null);
    apply(null, { replace: false });
    lastUsed.mutate(null);
  };

  const start = (next: Mode) => {
    setMode(next);
    setError(null);
    setLink(null);
    setName(next.kind === 'rename' ? next.view.name : '');
    setThisTownOnly(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (mode.kind === 'save') {
        const saved = await create.mutateAsync({ name, query: toSavedQuery(params, scope), town_id: thisTownOnly ? townId : null });
        setSelectedId(saved.id);
        lastUsed.mutate(saved.id);
      } else if (mode.kind === 'rename') {
        await update.mutateAsync({ id: mode.view.id, name });
      }
      setMode({ kind: 'idle' });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const saveInto = async (view: SavedView) => {
    setError(null);
    setLink(null);
    try {
      await update.mutateAsync({ id: view.id, query: toSavedQuery(params, scope) });
      lastUsed.mutate(view.id);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const confirmDelete = async (view: SavedView) => {
    setError(null);
    try {
      await remove.mutateAsync(view.id);
      setMode({ kind: 'idle' });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const copyLink = async (view: SavedView) => {
    const url = shareLink(window.location.origin, pathHref, params, scope, view.query);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard (permission, insecure origin): the link is shown to copy by hand.
    }
    setLink({ url, copied });
  };

  const busy = create.isPending || update.isPending || remove.isPending;
  const noun = SCOPE_NOUN[scope];

  return (
    <div className="saved-views" role="group" aria-label={`Saved ${noun} views`}>
      <label className="saved-views-pick">
        <span className="muted small">Saved view</span>
        <select
          className="input"
          aria-label="Saved view"
          value={current?.id ?? ''}
          disabled={list.isPending || list.isError}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">
            {list.isPending ? 'loading…' : filtered ? 'unsaved filter' : views.length ? 'none (all)' : 'none saved yet'}
          </option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} · {v.town_id ? 'this town' : 'all towns'}
            </option>
          ))}
        </select>
      </label>
      {list.isError ? (
        <span className="small text-red" role="alert">
          Saved views could not load: {messageOf(list.error)}{' '}
          <button type="button" className="button button-small" onClick={() => void list.refetch()}>
            Retry
          </button>
        </span>
      ) : null}

      {mode.kind === 'save' || mode.kind === 'rename' ? (
        <form className="saved-views-form" onSubmit={(e) => void submit(e)}>
          <input
            className="input"
            aria-label={mode.kind === 'save' ? 'Name for this view' : `New name for ${mode.view.name}`}
            placeholder="e.g. stalled polecats"
            maxLength={80}
            value={name}
            // Opened by a click on purpose: the name is what comes next.
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
          {mode.kind === 'save' && townId ? (
            <label className="small saved-views-town">
              <input type="checkbox" checked={thisTownOnly} onChange={(e) => setThisTownOnly(e.target.checked)} /> only in this town
            </label>
          ) : null}
          <button type="submit" className="button button-small button-primary" disabled={busy || name.trim() === ''}>
            {mode.kind === 'save' ? 'Save' : 'Rename'}
          </button>
          <button type="button" className="button button-small button-ghost" onClick={() => start({ kind: 'idle' })}>
            Cancel
          </button>
        </form>
      ) : mode.kind === 'delete' ? (
        <span className="saved-views-form">
          <span className="small">Delete “{mode.view.name}”? Its filter stays applied here.</span>
          <button type="button" className="button button-small" disabled={busy} onClick={() => void confirmDelete(mode.view)}>
            Delete view
          </button>
          <button type="button" className="button button-small button-ghost" onClick={() => start({ kind: 'idle' })}>
            Keep it
          </button>
        </span>
      ) : (
        <>
          <button
            type="button"
            className="button button-small"
            disabled={!filtered || list.isPending}
            title={filtered ? undefined : 'Set a filter first: a saved view is a filter under a name'}
            onClick={() => start({ kind: 'save' })}
          >
            Save view…
          </button>
          {changed ? (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              title={`Save the current filter into “${selected.name}”`}
              onClick={() => void saveInto(selected)}
            >
              Update “{selected.name}”
            </button>
          ) : null}
          {current ? (
            <>
              <button type="button" className="button button-small button-ghost" onClick={() => void copyLink(current)}>
                Copy link
              </button>
              <button type="button" className="button button-small button-ghost" onClick={() => start({ kind: 'rename', view: current })}>
                Rename…
              </button>
              <button type="button" className="button button-small button-ghost" onClick={() => start({ kind: 'delete', view: current })}>
                Delete…
              </button>
            </>
          ) : null}
        </>
      )}

      {error ? (
        <p className="saved-views-note small text-red" role="alert">
          {error}
        </p>
      ) : null}
      {link ? (
        <span className="saved-views-note small" role="status">
          {link.copied ? 'Link copied — it opens this page with this filter:' : 'Copy this link — it opens this page with this filter:'}
          <input className="input mono small" readOnly aria-label="Link to this view" value={link.url} onFocus={(e) => e.target.select()} />
        </span>
      ) : null}
      {restored && current?.name === restored ? (
        <span className="saved-views-note small muted" role="status">
          Your last used view “{restored}” is applied.{' '}
          <button type="button" className="button button-small button-ghost" onClick={showAll}>
            Show all instead
          </button>
        </span>
      ) : null}
    </div>
  );
}
