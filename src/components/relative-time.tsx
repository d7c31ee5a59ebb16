import { formatExact, formatRelative } from '../lib/time';
import { useNow } from './use-now';

/** "5 min ago", with the exact UTC time on hover. */
export function RelativeTime({ iso, fallback = 'never' }: { iso: string | null | undefined; fallback?: string }) {
  const now = useNow();
  if (!iso) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso} title={formatExact(iso)}>
      {formatRelative(iso, now)}
    </time>
  );
}
