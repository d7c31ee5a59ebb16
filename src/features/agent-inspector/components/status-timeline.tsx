import { clipLine } from '../../../lib/bounded-text';
import { AgentStatus, type AgentStatusChange } from '../../../api';
import { formatDuration, formatExact, DAY_MS } from '../../../lib/time';
import { timePerStatus, toStatusBands } from '../model/status-bands';
import { statusTone, TONE_FILL } from '../../../components/status';

const WINDOWS = [
  { label: '6 h', ms: 6 * 3600_000 },
  { label: '24 h', ms: DAY_MS },
  { label: 'all', ms: null },
] as const;

/** idle → working → waiting / stalled / dead over time, as one band per status period. */
export function StatusTimeline({
  history,
  now,
  windowLabel,
  onWindow,
}: {
  history: AgentStatusChange[];
  now: number;
  windowLabel: string;
  onWindow: (label: string) => void;
}) {
  const window = WINDOWS.find((w) => w.label === windowLabel) ?? WINDOWS[1];
  const bands = toStatusBands(history, now, window.ms);
  const start = bands[0]?.from ?? now;
  const span = Math.max(1, now - start);
  const totals = timePerStatus(bands);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => start + f * span);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <div className="panel-head">
        <h2 id="timeline-title">Status timeline</h2>
        <div className="ai-seg" role="group" aria-label="Time window">
          {WINDOWS.map((w) => (
            <button
              key={w.label}
              type="button"
              className={`button button-small${w.label === window.label ? ' ai-seg-on' : ''}`}
              aria-pressed={w.label === window.label}
              onClick={() => onWindow(w.label)}
            >
              {w.label}
            </button>
          ))}
        </div>
      </div>
      {bands.length === 0 ? (
        <p className="muted">No status changes recorded.</p>
      ) : (
        <>
          <div className="ai-band" role="img" aria-label={bands.map((b) => `${b.status} ${formatDuration(b.to - b.from)}`).join(', then ')}>
            {bands.map((b, i) => (
              <span
                key={i}
                className={`ai-band-seg ai-band-${b.status}`}
                style={{
                  left: `${((b.from - start) / span) * 100}%`,
                  width: `${Math.max(0.3, ((b.to - b.from) / span) * 100)}%`,
                  background: TONE_FILL[statusTone('agent', b.status)],
                }}
                title={`${b.status} from ${formatExact(new Date(b.from).toISOString())} for ${formatDuration(b.to - b.from)}${b.reason ? ` — ${clipLine(b.reason)}` : ''}`}
              />
            ))}
          </div>
          <div className="ai-axis small muted" aria-hidden="true">
            {ticks.map((t, i) => (
              <span key={i}>{i === ticks.length - 1 ? 'now' : `${formatDuration(now - t)} ago`}</span>
            ))}
          </div>
          <ul className="ai-legend small">
            {AgentStatus.options
              .filter((s) => totals[s])
              .map((s) => (
                <li key={s}>
                  <span className="ai-swatch" style={{ background: TONE_FILL[statusTone('agent', s)] }} aria-hidden="true" />
                  {s} {formatDuration(totals[s]!)}
                </li>
              ))}
          </ul>
          <details>
            <summary className="small">Changes ({history.length})</summary>
            <ol className="ai-changes small">
              {[...history].reverse().map((h, i) => (
                <li key={i}>
                  <span className="ai-change-n muted">{i + 1}.</span> <span className="mono muted">{formatExact(h.at)}</span>{' '}
                  <strong>{h.status}</strong>
                  {h.reason ? <span className="muted"> — {clipLine(h.reason)}</span> : null}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </section>
  );
}
