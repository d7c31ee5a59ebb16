import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RelativeTime } from '../components/relative-time';
import { TownClockContext } from '../components/use-now';
import { toTownRows } from '../features/user-gastown/model/town-rows';
import { getStore } from '../mocks/handlers';
import { endpoints, testApi, worldTown } from '../test/api';
import { noteTownTimes, resetTownClocks, townNow, townOffset } from './town-clock';

const TOWN = '57e16786-c90c-4b23-88c7-368d76ec93d6';
const HOUR = 3600_000;

afterEach(() => resetTownClocks());

describe("the town's clock", () => {
  it('is the browser clock plus the offset the town last answered, per town, ignoring latency-sized moves', () => {
    const at = Date.parse('2026-12-02T08:00:00.000Z');
    noteTownTimes(`${TOWN}=2026-12-02T10:00:00.000Z, other=2026-12-02T08:00:30.000Z`, at);
    expect(townOffset(TOWN)).toBe(2 * HOUR);
    expect(townNow(TOWN, at + 5_000)).toBe(at + 2 * HOUR + 5_000);
    expect(townOffset('other')).toBe(30_000);
    // 400 ms later by the answer, 600 ms later by the browser: latency, not a clock that moved.
    noteTownTimes(`${TOWN}=2026-12-02T10:00:00.400Z`, at + 600);
    expect(townOffset(TOWN)).toBe(2 * HOUR);
    expect(townOffset('unknown-town')).toBe(0);
  });

  it("shows 'N ago' under a town's page on the town's time, and on the browser's elsewhere", () => {
    noteTownTimes(`${TOWN}=${new Date(Date.now() + 2 * HOUR).toISOString()}`);
    const iso = new Date().toISOString();
    render(
      <>
        <TownClockContext.Provider value={TOWN}>
          <p data-testid="town">
            <RelativeTime iso={iso} />
          </p>
        </TownClockContext.Provider>
        <p data-testid="browser">
          <RelativeTime iso={iso} />
        </p>
      </>,
    );
    // The page's shared clock may read up to a second old: 2 h, or a minute short of it.
    expect(screen.getByTestId('town')).toHaveTextContent(/^(2 h|1 h 59 min) ago$/);
    expect(screen.getByTestId('browser')).toHaveTextContent('just now');
  });

  it("diagnoses each of a user's towns on that town's clock: a town whose clock ran 3 h ahead finds its quiet polecats", async () => {
    const town = worldTown('healthy');
    const user = getStore().world.users.find((u) => u.id === town.town.owner_user_id)!;
    const towns = (await testApi.get(endpoints.userTowns(user.id))).items.filter((t) => t.id === town.town.id);
    const now = getStore().clock.now();
    expect(toTownRows(towns, now)[0]!.diagnosis.health).toBe('green');
    noteTownTimes(`${town.town.id}=${new Date(now + 3 * HOUR).toISOString()}`, now);
    const ahead = toTownRows(towns, now)[0]!.diagnosis;
    expect(ahead.health).not.toBe('green');
    expect(ahead.findings.map((f) => f.rule)).toContain('stuck-agent');
  });
});
