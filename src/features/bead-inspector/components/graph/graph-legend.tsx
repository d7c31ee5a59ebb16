import { BeadStatus } from '../../../../api';
import { statusLabel, statusTone } from '../../../../components/status';

/** What colours and line styles mean; colour is never the only signal (nodes also say their status). */
export function GraphLegend() {
  return (
    <div className="graph-legend small" aria-label="Legend">
      {BeadStatus.options.map((s) => (
        <span key={s} className="legend-item">
          <span className={`legend-swatch tone-${statusTone('bead', s)}`} aria-hidden="true" />
          {statusLabel(s)}
        </span>
      ))}
      <span className="legend-item">
        <span className="legend-swatch legend-focus" aria-hidden="true" />
        focus
      </span>
      <span className="legend-item">
        <svg width="28" height="8" aria-hidden="true">
          <line x1="0" y1="4" x2="28" y2="4" className="gedge-blocks" />
        </svg>
        blocks
      </span>
      <span className="legend-item">
        <svg width="28" height="8" aria-hidden="true">
          <line x1="0" y1="4" x2="28" y2="4" className="gedge-tracks" />
        </svg>
        tracks (convoy)
      </span>
      <span className="legend-item">
        <svg width="28" height="8" aria-hidden="true">
          <line x1="0" y1="4" x2="28" y2="4" className="gedge-parent-child" />
        </svg>
        parent-child
      </span>
      <span className="legend-item">
        <span className="legend-swatch legend-blocked" aria-hidden="true" />
        behind a failed bead
      </span>
    </div>
  );
}
