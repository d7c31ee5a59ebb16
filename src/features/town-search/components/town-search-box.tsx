import { useState, type FormEvent } from 'react';
import { useMatch, useNavigate, useSearchParams } from 'react-router';
import { SEARCH_MAX_CHARS, SEARCH_MIN_CHARS } from '../../../api';
import { paths } from '../../../lib/paths';

/**
 * The town header's search box: Enter opens the town's search page for the text (a deep link,
 * `/towns/:townId/search?q=`). On that page the box shows the text searched for; a new one replaces it
 * and cancels the running search.
 */
export function TownSearchBox({ townId }: { townId: string }) {
  const onSearchPage = useMatch(paths.townSearch.path) !== null;
  const [params] = useSearchParams();
  const searched = onSearchPage ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(searched);
  const [shown, setShown] = useState(searched);
  const [tooShort, setTooShort] = useState(false);
  const navigate = useNavigate();
  // Follows the URL when it changes from elsewhere (the palette, back/forward); typing never writes it.
  if (shown !== searched) {
    setShown(searched);
    setText(searched);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (q.length < SEARCH_MIN_CHARS) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    void navigate(paths.townSearch.getHref(townId, q));
  };

  return (
    <form role="search" className="town-search-box" onSubmit={submit} aria-label="Search this town">
      <input
        type="search"
        className="input"
        value={text}
        maxLength={SEARCH_MAX_CHARS}
        onChange={(e) => {
          setText(e.target.value);
          if (tooShort) setTooShort(false);
        }}
        placeholder="Search this town…"
        aria-label="Search this town"
        aria-describedby={tooShort ? `town-search-short-${townId}` : undefined}
        aria-invalid={tooShort || undefined}
      />
      <button type="submit" className="button button-small">
        Search
      </button>
      {tooShort ? (
        <span id={`town-search-short-${townId}`} className="town-search-hint" role="alert">
          Type at least {SEARCH_MIN_CHARS} characters.
        </span>
      ) : null}
    </form>
  );
}
