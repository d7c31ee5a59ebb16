import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { paths } from '../../../lib/paths';
import { getStore } from '../../../mocks/handlers';
import { renderApp, scenarioTown } from '../../../test/render-app';
import type { DrawnGraph } from '../model/graph';
import { BeadInspector } from './bead-inspector';

// jsdom has neither Workers nor layout: the canvas is replaced by a list of what it would draw.
vi.mock('./graph/graph-canvas', () => ({
  default: ({ drawn, onFocus }: { drawn: DrawnGraph; onFocus: (id: string) => void }) => (
    <ul aria-label="Drawn beads">
      {drawn.nodes.map((n) => (
        <li key={n.id} data-role={n.role}>
          <button type="button" onClick={() => onFocus(n.id)}>
            {n.kind === 'bead' ? n.bead.title : `${n.members.length} parallel beads`}
          </button>
        </li>
      ))}
    </ul>
  ),
}));

/** Where the router is, shown beside the inspector so a test can read the URL it writes. */
function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

/** Opens the Bead Inspector alone (no shell) at the bead's URL, through renderApp. */
function openBead(townName: string, title: string, search = '') {
  const town = getStore().world.towns.find((t) => t.town.name === townName)!;
  const bead = town.beads.find((b) => b.title === title)!;
  const element = (
    <>
      <BeadInspector townId={town.town.id} beadId={bead.id} />
      <Location />
    </>
  );
  renderApp(`${paths.bead.getHref(town.town.id, bead.id)}${search}`, { element, path: paths.bead.path });
  return { town, bead };
}

describe('BeadInspector on the stuck-bead town (mobile-app)', () => {
  it('names the blocking chain: the failed Firebase upgrade blocks the FCM migration', async () => {
    openBead('mobile-app', 'Migrate push notifications to FCM HTTP v1');
    expect(await screen.findByRole('heading', { name: 'Migrate push notifications to FCM HTTP v1' })).toBeVisible();
    const chains = await screen.findByRole('note', { name: 'Blocked chains' });
    expect(chains).toHaveTextContent('Blocked chain: open work behind a failed bead');
    const chain = within(chains).getByTestId('blocked-chain');
    expect(chain).toHaveTextContent(
      'Upgrade Firebase SDK to 11.x failed → blocks Migrate push notifications to FCM HTTP v1 (focus) → Remove legacy FCM server key from config',
    );
    expect(screen.getByText('Upstream — blocks the focus').parentElement).toHaveTextContent('Upgrade Firebase SDK to 11.x');
    expect(screen.getByText('Dispatch attempts', { selector: 'dt' }).nextElementSibling).toHaveTextContent('0 of 5');
  });

  it('shows the blocker’s five failed dispatch attempts with the container’s errors as text', async () => {
    openBead('mobile-app', 'Upgrade Firebase SDK to 11.x');
    const table = await screen.findByRole('heading', { name: 'Dispatch attempts' });
    const rows = within(table.closest('section')!).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[4]).toHaveTextContent('5 of 5');
    expect(rows[4]).toHaveTextContent('dispatch budget exhausted (5 of 5 attempts): bead failed');
    expect(screen.getByText('Last dispatch error').parentElement).toHaveTextContent('dispatch budget exhausted');
    expect(screen.getByText('Dispatch attempts', { selector: 'dt' }).nextElementSibling).toHaveTextContent('5 of 5');
  });

  it('depth and focus live in the URL: clicking a drawn bead focuses it', async () => {
    const { bead } = openBead('mobile-app', 'Migrate push notifications to FCM HTTP v1', '?depth=1');
    const drawn = await screen.findByRole('list', { name: 'Drawn beads' });
    expect(within(drawn).getAllByRole('listitem')).toHaveLength(3);
    await userEvent.click(within(drawn).getByRole('button', { name: 'Upgrade Firebase SDK to 11.x' }));
    const blocker = getStore()
      .world.towns.find((t) => t.town.name === 'mobile-app')!
      .beads.find((b) => b.title === 'Upgrade Firebase SDK to 11.x')!;
    expect(screen.getByTestId('location')).toHaveTextContent(`/beads/${bead.id}?depth=1&focus=${blocker.id}`);
    // From the blocker at depth 1 only the bead it blocks is a neighbour.
    await vi.waitFor(() => expect(within(screen.getByRole('list', { name: 'Drawn beads' })).getAllByRole('listitem')).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'all' }));
    expect(screen.getByTestId('location')).toHaveTextContent('depth=all');
    await vi.waitFor(() => expect(within(screen.getByRole('list', { name: 'Drawn beads' })).getAllByRole('listitem')).toHaveLength(3));
  });
});

describe('BeadInspector on the convoy-stall town (design-system)', () => {
  it('calls out the tracked bead that was deleted instead of closed and names what is not closed', async () => {
    openBead('design-system', 'Convoy: Design tokens v2 rollout');
    const mismatch = await screen.findByRole('note', { name: 'Counter mismatch' });
    expect(mismatch).toHaveTextContent('1 tracked bead no longer exists (deleted instead of closed): closed 6/8 can never reach 8');
    const convoy = screen.getByRole('heading', { name: 'Convoy' }).closest('section')!;
    expect(convoy).toHaveTextContent('6/8 closed');
    expect(convoy).toHaveTextContent('Not closed: Remove tokens v1 aliases (in review)');
    expect(convoy).toHaveTextContent('convoy/design-tokens-v2');
    const tracked = within(convoy).getByRole('table', { name: 'Tracked beads' });
    expect(within(tracked).getAllByRole('row')).toHaveLength(9);
    expect(within(tracked).getByText(/^missing: bead .* no longer exists$/)).toBeVisible();
  });

  it('replays a tracked bead’s assignment: messages and tool calls in its window, as text', async () => {
    openBead('design-system', 'Migrate Button to tokens v2');
    const show = (await screen.findAllByRole('button', { name: 'Show conversation' }))[0]!;
    await userEvent.click(show);
    const section = screen.getByRole('heading', { name: 'Assignments and conversation replay' }).closest('section')!;
    expect(await within(section).findByText(/SDK events in this window/)).toBeVisible();
    expect(within(section).getByRole('button', { name: 'Hide conversation' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('a bead under review says since when, and links its refinery (whose page lists the git operations)', async () => {
    const town = scenarioTown('docs-site');
    const review = town.reviews.find((r) => r.review_state === 'running')!;
    renderApp(`/towns/${town.town.id}/beads/${review.source_bead_id}`);
    const section = await screen.findByRole('region', { name: 'Related merge requests' });
    expect(await within(section).findByText(/reviewing since/)).toHaveTextContent(/reviewing since \d+ (s|min|h)/);
    const name = town.agents.find((a) => a.id === review.refinery_agent_id)!.name;
    const refinery = within(section).getByRole('link', { name });
    expect(refinery).toHaveAttribute('href', `/towns/${town.town.id}/agents/${review.refinery_agent_id}`);
  });

  it('an MR’s own page shows its entry as facts: the bead it merges by title, review since when, PR, refinery', async () => {
    const town = scenarioTown('docs-site');
    const review = town.reviews.find((r) => r.review_state === 'running')!;
    const source = town.beads.find((b) => b.id === review.source_bead_id)!;
    const own = town.beads.find((b) => b.id === review.bead_id)!;
    renderApp(`/towns/${town.town.id}/beads/${review.bead_id}`);
    const section = await screen.findByRole('region', { name: 'This merge request' });
    expect(screen.queryByRole('region', { name: 'Related merge requests' })).not.toBeInTheDocument();
    const facts = section.querySelector('dl.facts') as HTMLElement;
    // The page it is on is not offered as a link; the bead it merges is, by its title.
    expect(within(facts).queryByRole('link', { name: own.title })).not.toBeInTheDocument();
    expect(await within(facts).findByRole('link', { name: source.title })).toHaveAttribute(
      'href',
      `/towns/${town.town.id}/beads/${source.id}`,
    );
    expect(within(facts).getByText(/reviewing since/)).toHaveTextContent(/reviewing since \d+ (s|min|h)/);
    expect(facts).toHaveTextContent(`${review.branch} → ${review.target_branch}`);
    const name = town.agents.find((a) => a.id === review.refinery_agent_id)!.name;
    expect(within(facts).getByRole('link', { name })).toHaveAttribute('href', `/towns/${town.town.id}/agents/${review.refinery_agent_id}`);
    expect(within(section).queryByText('No merge request tracks this bead')).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Sections' })).toHaveTextContent('This merge request');
  });

  it('an MR links to its own git operations: the refinery’s page narrowed to that bead, with the count and Show all', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('docs-site');
    const review = town.reviews.find((r) => r.review_state === 'failed')!;
    const source = review.source_bead_id!;
    const ops = town.git_operations.filter((g) => g.agent_id === review.refinery_agent_id);
    const mine = ops.filter((g) => g.bead_id === source);
    expect(mine.length).toBeGreaterThan(0);
    renderApp(`/towns/${town.town.id}/beads/${review.bead_id}`);
    const section = await screen.findByRole('region', { name: 'This merge request' });
    await user.click(within(section).getByRole('link', { name: 'git operations of this MR' }));

    const git = await screen.findByRole('region', { name: 'Git operations' });
    expect(within(git).getByTestId('git-filter')).toHaveTextContent(`Only the operations on bead ${source.slice(0, 8)}: ${mine.length} of`);
    const rows = within(within(git).getByRole('table', { name: 'Git operations by this agent' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(mine.length);
    for (const row of rows) expect(row).toHaveTextContent('merge');
    await user.click(within(git).getByRole('button', { name: 'Show all' }));
    expect(within(git).queryByTestId('git-filter')).not.toBeInTheDocument();
    expect(
      within(within(git).getByRole('table', { name: 'Git operations by this agent' }))
        .getAllByRole('row')
        .slice(1).length,
    ).toBeGreaterThanOrEqual(mine.length);
  });
});
