import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { endpoints, testApi, worldTown } from '../../../test/api';
import { diagnoseTown } from '../model/rules';
import { FindingItem } from './finding-item';
import { HealthBadge } from './health-badge';

const MIN = 60_000;

/**
 * ml-pipeline's container was OOM-killed 4× in 24 h (red); here it has run clean for 40 min since the
 * last one, so that finding is resolved, beside an unresolved yellow one (a convoy with no progress).
 * Rendered as the town header lists them: what an operator reads is the resolved one, green and last.
 */
async function findings() {
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN).toISOString();
  const inputs = (await testApi.get(endpoints.town(worldTown('container-instability').town.id))).health_inputs;
  const container = { ...inputs.container, status: 'running' as const, health: 'ok' as const, unstable_at: at(52), started_at: at(47) };
  const convoy = {
    bead_id: '7b0c3c1e-1d5e-4b8a-9f3e-2a6d8c4e1f00',
    title: 'Feature flags rollout',
    total_beads: 4,
    closed_beads: 1,
    tracked_present: 4,
    tracked_closed: 1,
    updated_at: at(7 * 60),
  };
  return diagnoseTown({ ...inputs, container, convoys: [convoy] }, now);
}

describe('FindingItem: a finding whose cause was superseded', () => {
  it('reads "resolved N min ago" with a green mark, after the unresolved ones, and leaves the town not red', async () => {
    const diagnosis = await findings();
    render(
      <MemoryRouter>
        <HealthBadge health={diagnosis.health} />
        <ul aria-label="Health findings">
          {diagnosis.findings.map((f, i) => (
            <FindingItem key={i} finding={f} href={`/finding/${i}`} />
          ))}
        </ul>
      </MemoryRouter>,
    );
    const items = within(screen.getByRole('list', { name: 'Health findings' })).getAllByRole('listitem');
    const resolved = items.at(-1)!;
    expect(resolved).toHaveTextContent(/OOM-killed 4× in 24 h.* — resolved 1\d min ago$/);
    const when = diagnosis.findings.at(-1)!.resolved_at!;
    expect(Date.now() - Date.parse(when)).toBeGreaterThan(10 * MIN);
    expect(resolved.querySelector('time')).toHaveAttribute('datetime', when);
    expect(resolved).toHaveClass('finding-resolved');
    expect(resolved).not.toHaveClass('finding-red');
    expect(resolved).toHaveAttribute('data-resolved', 'true');
    // The unresolved finding comes first and reads no "resolved".
    expect(items[0]).toHaveTextContent('convoy “Feature flags rollout” at 1/4, no progress for');
    expect(items[0]).toHaveClass('finding-yellow');
    expect(items[0]).not.toHaveTextContent('resolved');
    expect(items.filter((li) => li.dataset.resolved === 'true')).toEqual([resolved]);
    // The red OOM finding no longer counts: the worst unresolved one, yellow, sets the badge.
    expect(diagnosis.health).toBe('yellow');
    expect(screen.queryByText('Failing')).not.toBeInTheDocument();
    // Its evidence still links to where to look.
    expect(within(resolved).getByRole('link')).toHaveAttribute('href', `/finding/${items.length - 1}`);
  });
});
