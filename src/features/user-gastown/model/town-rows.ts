import { townNow, type UserTownSummary } from '../../../api';
import { diagnoseTown, type Diagnosis } from '../../diagnosis';

export interface TownRow {
  town: UserTownSummary;
  diagnosis: Diagnosis;
}

const ORDER = { red: 0, yellow: 1, green: 2 } as const;

/**
 * Towns with their diagnosis, worst first, then by name, so the broken ones lead the list. Each town is
 * diagnosed on its own clock (`browserNow` plus the offset it last answered).
 */
export function toTownRows(towns: UserTownSummary[], browserNow: number): TownRow[] {
  return towns
    .map((town) => ({ town, diagnosis: diagnoseTown(town.health_inputs, townNow(town.id, browserNow)) }))
    .sort((a, b) => ORDER[a.diagnosis.health] - ORDER[b.diagnosis.health] || a.town.name.localeCompare(b.town.name));
}
