import type { UserTownSummary } from '../../../api';
import { diagnoseTown, type Diagnosis } from '../../diagnosis';

export interface TownRow {
  town: UserTownSummary;
  diagnosis: Diagnosis;
}

const ORDER = { red: 0, yellow: 1, green: 2 } as const;

/** Towns with their diagnosis, worst first, then by name, so the broken ones lead the list. */
export function toTownRows(towns: UserTownSummary[], now: number): TownRow[] {
  return towns
    .map((town) => ({ town, diagnosis: diagnoseTown(town.health_inputs, now) }))
    .sort((a, b) => ORDER[a.diagnosis.health] - ORDER[b.diagnosis.health] || a.town.name.localeCompare(b.town.name));
}
