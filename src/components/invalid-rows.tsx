import type { InvalidRow } from '../api';

/**
 * The rows of a list the panel could not read, one error row each naming the row and the field, shown
 * beside the rows that did parse (see `salvageRows` in `api/`): one odd row never empties a list.
 */
export function InvalidRows({ rows, noun = 'row' }: { rows: readonly InvalidRow[] | undefined; noun?: string }) {
  if (!rows?.length) return null;
  return (
    <ul className="invalid-rows" role="alert" aria-label={`${rows.length} ${noun}${rows.length === 1 ? '' : 's'} could not be read`}>
      {rows.map((r) => (
        <li key={`${r.list}:${r.index}`} className="invalid-row" data-testid="invalid-row">
          <strong>
            {noun} {r.index + 1}
            {r.id ? (
              <>
                {' '}
                <span className="mono">{r.id}</span>
              </>
            ) : null}{' '}
            could not be read:
          </strong>{' '}
          <span className="mono">{r.field}</span> — {r.message}
        </li>
      ))}
    </ul>
  );
}
