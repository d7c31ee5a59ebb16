import { memo } from 'react';
import { splitMatches } from '../model/highlight';

/** Text with the query's occurrences marked. Always text nodes: agent output is never HTML. */
export const Highlighted = memo(function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query.trim()) return <>{text}</>;
  return <>{splitMatches(text, query).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
});
