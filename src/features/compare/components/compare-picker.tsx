import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CompareKind } from '../../../api';
import { paths } from '../../../lib/paths';
import { KIND_LABELS } from '../model/compare-view';
import '../compare.css';

export interface CompareOption {
  id: string;
  label: string;
}

/**
 * Pick two runs of one kind (A and B) and open them side by side. Starts on the two newest, the pair
 * an operator usually means ("what changed between the last two tries?").
 */
export function ComparePicker({ townId, kind, options }: { townId: string; kind: CompareKind; options: CompareOption[] }) {
  const id = useId();
  const [a, setA] = useState(options.at(-2)?.id ?? '');
  const [b, setB] = useState(options.at(-1)?.id ?? '');
  const names = KIND_LABELS[kind];
  if (options.length < 2) return null;
  const valid = (x: string) => options.some((o) => o.id === x);
  const ready = valid(a) && valid(b) && a !== b;
  return (
    <div className="compare-picker" role="group" aria-label={`Compare two ${names.many}`}>
      <label htmlFor={`${id}-a`}>
        <span className="small muted">Compare A</span>
        <select id={`${id}-a`} className="input" value={a} onChange={(e) => setA(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-b`}>
        <span className="small muted">with B</span>
        <select id={`${id}-b`} className="input" value={b} onChange={(e) => setB(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {ready ? (
        <Link className="button button-small" to={paths.compare.getHref(townId, { kind, a, b })}>
          Compare
        </Link>
      ) : (
        <span className="muted small" role="status">
          Pick two different {names.many}
        </span>
      )}
    </div>
  );
}
