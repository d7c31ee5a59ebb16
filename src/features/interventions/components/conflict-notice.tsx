import type { FactChange } from '../model/target-facts';

export interface ConflictNoticeProps {
  /** The server's 409 message (it names both versions). */
  message: string;
  /** What differs between the target the admin saw and the target now; null while it is being read. */
  changes: FactChange[] | null;
  readFailed: boolean;
  reloading: boolean;
  onReload: () => void;
}

/** The target changed since the admin loaded it: what changed, and a way to review again on the current state. */
export function ConflictNotice({ message, changes, readFailed, reloading, onReload }: ConflictNoticeProps) {
  return (
    <div className="state state-error conflict" role="alert">
      <strong className="state-title">Changed since you loaded it</strong>
      <p className="state-message">{message}</p>
      {readFailed ? (
        <p className="muted small">Reading the current state failed; reload to see it.</p>
      ) : changes === null ? (
        <p className="muted small">Reading what changed…</p>
      ) : changes.length ? (
        <table className="table changes-table" aria-label="What changed">
          <caption className="muted small">What changed since you loaded it</caption>
          <tbody>
            {changes.map((c) => (
              <tr key={c.label}>
                <td className="small">{c.label}</td>
                <td className="mono small change-from">{c.from}</td>
                <td aria-hidden="true">→</td>
                <td className="mono small change-to">{c.to}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">None of the fields this panel shows differ: it changed in a way not shown here.</p>
      )}
      <div className="state-actions">
        <button type="button" className="button" onClick={onReload} disabled={reloading}>
          {reloading ? 'Reloading…' : 'Reload and review again'}
        </button>
      </div>
    </div>
  );
}
