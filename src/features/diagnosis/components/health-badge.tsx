import { StatusDot } from '../../../components/badge';
import { statusTone } from '../../../components/status';
import type { Health } from '../model/rules';

const LABEL: Record<Health, string> = { green: 'Healthy', yellow: 'Degraded', red: 'Failing' };

/** Green / yellow / red with a word, so colour is never the only signal. */
export function HealthBadge({ health }: { health: Health }) {
  return <StatusDot tone={statusTone('townHealth', health)} label={LABEL[health]} />;
}
