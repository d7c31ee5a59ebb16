import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, scenarioTown } from '../../../test/render-app';

configure({ asyncUtilTimeout: 5000 });

describe('the town’s cost (Agents tab)', () => {
  it('shows tokens and cost per hour, per agent with working against idle time and what it merged, and per bead', async () => {
    const town = scenarioTown('data-warehouse');
    renderApp(`/towns/${town.town.id}/agents`);
    const panel = await screen.findByRole('region', { name: 'Cost, last 24 h' });
    expect(within(panel).getByRole('img', { name: 'Tokens and cost per hour' })).toBeInTheDocument();
    const perAgent = within(panel).getByRole('table', { name: 'Cost per agent' });
    const rows = within(perAgent).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(town.agents.length);
    // Costliest first; a spending agent without merged work says so, the others count their merged beads.
    const cells = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? ''),
    );
    const costs = cells.map((c) => Number(c[2]!.replace('$', '')));
    expect([...costs].sort((a, b) => b - a)).toEqual(costs);
    expect(costs[0]).toBeGreaterThan(0);
    cells.forEach((c, i) => expect(c[6]).toMatch(costs[i]! > 0 ? /^(nothing merged|[1-9]\d*)$/ : /^\d+$/));
    expect(within(panel).getByRole('table', { name: 'Cost per bead' })).toBeInTheDocument();
  });
});
