import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge } from '../../../components/badge';
import { CopyId } from '../../../components/copy-id';
import { ErrorState } from '../../../components/error-state';
import { EmptyState, Loading } from '../../../components/states';
import { useSearchState } from '../../../components/use-search-state';
import { paths } from '../../../lib/paths';
import { useUserSearch } from '../api/users';
import { parseUserSearchView, writeUserSearchView } from '../model/user-search-view';

/** Find a user by email, user id or name; the query lives in the URL (`/users?q=`). */
export function UserSearch() {
  const [{ q }, update] = useSearchState(parseUserSearchView, writeUserSearchView);
  const [draft, setDraft] = useState(q);
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const search = useUserSearch(q);

  // Back/forward changes `q`: show it in the box (adjusting state during render, not in an effect).
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    setDraft(q);
  }
  useEffect(() => {
    if (draft === q) return;
    const t = setTimeout(() => update({ q: draft }), 250);
    return () => clearTimeout(t);
  }, [draft, q, update]);

  const items = search.data?.items ?? [];
  return (
    <section className="panel">
      <form
        className="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft !== q) update({ q: draft });
          else if (items.length === 1) navigate(paths.user.getHref(items[0]!.id));
        }}
      >
        <label htmlFor="user-search" className="label">
          Find a user
        </label>
        <input
          id="user-search"
          ref={input}
          className="input input-large"
          type="search"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="Email, user id or name — e.g. dana.whitfield@acme-robotics.dev"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <p className="muted small">Press Enter to open the only match. Looks up the admin dashboard's users, then their Gastown towns.</p>
      </form>
      {!q ? (
        <EmptyState title="Search for a user to inspect their Gastown towns">Start from the user a support case is about.</EmptyState>
      ) : search.isPending ? (
        <Loading label={`Searching for “${q}”`} query={search} />
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={`No user matches “${q}”`}>Try the full email address, the user id (usr_…), or part of the name.</EmptyState>
      ) : (
        <table className="table" aria-label="Matching users">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>User id</th>
              <th>Role</th>
            </tr>
          </thead>
          <tbody>
            {items.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={paths.user.getHref(user.id)} className="strong-link">
                    {user.name}
                  </Link>
                </td>
                <td>{user.email}</td>
                <td>
                  <CopyId id={user.id} full label="user id" />
                </td>
                <td>{user.is_admin ? <Badge tone="blue">Kilo admin</Badge> : <span className="muted">user</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
