import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LARGE_TOWN_ID } from '../../../mocks/host';
import { failWith } from '../../../mocks/handlers';
import { renderApp, scenarioTown } from '../../../test/render-app';
import { setLiveRefreshPaused } from '../../../lib/live-refresh';
import { endpoints, testApi } from '../../../test/api';

const tab = (name: string, tabName: string, query = '') => `/towns/${scenarioTown(name).town.id}/${tabName}${query}`;

// Two cores run several test files at once: give lazy routes and MSW time to answer.
configure({ asyncUtilTimeout: 5000 });
afterEach(() => setLiveRefreshPaused(false));

describe('State tab', () => {
  it('lists every bead with counts per status, and rows link to the Bead Inspector', async () => {
    const town = scenarioTown('mobile-app');
    renderApp(tab('mobile-app', 'state'));
    const table = await screen.findByRole('table', { name: 'Beads' }, { timeout: 5000 });
    await waitFor(() =>
      expect(screen.getByTestId('beads-progress')).toHaveTextContent(`${town.beads.length} of ${town.beads.length} beads`),
    );
    const failed = town.beads.filter((b) => b.status === 'failed').length;
    expect(screen.getByRole('button', { name: new RegExp(`^Failed ${failed}$`) })).toBeInTheDocument();
    const link = within(table).getByRole('link', { name: 'Upgrade Firebase SDK to 11.x' });
    const blocker = town.beads.find((b) => b.title === 'Upgrade Firebase SDK to 11.x')!;
    expect(link).toHaveAttribute('href', `/towns/${town.town.id}/beads/${blocker.id}`);
  });

  it('filters by status and text from the URL and writes new filters and sort back to it', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(tab('mobile-app', 'state', '?status=failed'));
    const table = await screen.findByRole('table', { name: 'Beads' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
    for (const row of within(table).getAllByRole('row').slice(1)) expect(row).toHaveTextContent('failed');
    expect(screen.getByRole('button', { name: /^Failed/ })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: /^Failed/ }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter beads by text' }), 'FCM');
    await waitFor(() => expect(router.state.location.search).toBe('?q=FCM'));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getByRole('link', { name: 'Migrate push notifications to FCM HTTP v1' })).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: /Dispatches/ }));
    await waitFor(() => expect(router.state.location.search).toMatch(/sort=-?dispatch_attempts/));
    await waitFor(() =>
      expect(within(table).getByRole('columnheader', { name: /Dispatches/ })).toHaveAttribute(
        'aria-sort',
        expect.stringMatching(/ascending|descending/),
      ),
    );
  });

  it('sorts by a column given in the URL', async () => {
    renderApp(tab('mobile-app', 'state', '?sort=-dispatch_attempts&type=issue'));
    const table = await screen.findByRole('table', { name: 'Beads' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(2));
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Upgrade Firebase SDK to 11.x');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('5/5');
  });

  it('says when nothing matches the filters', async () => {
    renderApp(tab('storefront', 'state', '?q=no-such-bead-anywhere'));
    expect(await screen.findByText('No bead matches these filters')).toBeInTheDocument();
  });

  it('shows a specific error when the beads endpoint fails', async () => {
    failWith('/beads', 500);
    renderApp(tab('storefront', 'state'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The admin API failed (HTTP 500)');
  });
});

describe('Agents tab', () => {
  it('highlights the stalled agent with how long, and links to the Agent Inspector', async () => {
    const town = scenarioTown('payments-api');
    renderApp(tab('payments-api', 'agents'));
    const table = await screen.findByRole('table', { name: 'Agents' });
    const toast = within(table).getAllByTestId('agent-row')[0]!;
    expect(toast).toHaveTextContent('Toast');
    expect(toast).toHaveTextContent(/stalled\s*for 4[67] min/);
    expect(toast).toHaveTextContent('Add idempotency keys to the refund endpoint');
    expect(toast).toHaveTextContent('Running tests');
    const id = town.agents.find((a) => a.name === 'Toast')!.id;
    expect(within(toast).getByRole('link', { name: 'Toast' })).toHaveAttribute('href', `/towns/${town.town.id}/agents/${id}`);
    expect(screen.getByTestId('agents-summary')).toHaveTextContent('1 stalled or dead');
  });

  it('tells active agents from agents actually working (zombies without a hook)', async () => {
    renderApp(tab('data-warehouse', 'agents'));
    const table = await screen.findByRole('table', { name: 'Agents' });
    expect(within(table).getAllByText('no — no hooked bead')).toHaveLength(2);
    expect(screen.getByTestId('agents-summary')).toHaveTextContent(/\d+ active \(working or waiting\) · \d+ actually working/);
  });

  it('shows the other agents when one row is malformed, and an error row naming the field', async () => {
    failWith('/agents', 'malformed-row');
    const town = scenarioTown('payments-api');
    renderApp(tab('payments-api', 'agents'));
    const table = await screen.findByRole('table', { name: 'Agents' });
    expect(within(table).getAllByTestId('agent-row')).toHaveLength(town.agents.length - 1);
    const invalid = screen.getByRole('alert', { name: '1 agent could not be read' });
    expect(invalid).toHaveTextContent(/agent 1 42 could not be read: id — /);
  });

  it('shows an error with retry when agents fail to load', async () => {
    failWith('/agents', 500);
    renderApp(tab('payments-api', 'agents'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('HTTP 500');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

describe('Review queue tab', () => {
  it('shows the failed review with its retries, refinery, branch and reason', async () => {
    renderApp(tab('docs-site', 'review'));
    const table = await screen.findByRole('table', { name: 'Merge requests' });
    const failed = within(table).getAllByTestId('review-row')[0]!;
    expect(failed).toHaveTextContent('Merge: Add versioned docs sidebar');
    expect(failed).toHaveTextContent('failed');
    expect(failed).toHaveTextContent('merge conflict in src/components/Sidebar.tsx');
    // Cell 0 is the row's tick box.
    expect(within(failed).getAllByRole('cell')[3]).toHaveTextContent('3');
    expect(within(failed).getByRole('link', { name: /refinery/i })).toBeInTheDocument();
    expect(screen.getByText('Merge strategy')).toBeInTheDocument();
    const depth = scenarioTown('docs-site').reviews.filter((r) => r.review_state === 'pending' || r.review_state === 'running').length;
    expect(screen.getByTestId('queue-depth')).toHaveTextContent(String(depth));
  });

  it('a merge request force-closed without merging reads closed, its PR still open on GitHub, and is not counted failed', async () => {
    const town = scenarioTown('docs-site');
    const mr = (await testApi.get(endpoints.reviewQueue(town.town.id))).entries.find((e) => e.review_state === 'failed')!;
    expect(mr.pr_state).toBe('open');
    await testApi.act(
      town.town.id,
      'review.force_close',
      { target: { kind: 'review', id: mr.bead_id }, params: {}, reason: 'abandoned: superseded by a rewrite', dryRun: false },
      { idempotencyKey: crypto.randomUUID(), ifMatch: mr.version },
    );
    renderApp(tab('docs-site', 'review'));
    const table = await screen.findByRole('table', { name: 'Merge requests' });
    const row = within(table)
      .getAllByTestId('review-row')
      .find((r) => r.textContent?.includes(mr.title))!;
    expect(row).toHaveTextContent('closed without merging · PR still open on GitHub');
    expect(row).not.toHaveClass('row-troubled');
    const summary = screen.getByRole('region', { name: 'Review queue summary' });
    expect(within(summary).queryByText(/\d+ failed/)).not.toBeInTheDocument();
    expect(summary).toHaveTextContent('+ 1 closed without merging');
  });

  it('opens PR links safely and shows a non-http URL as text', async () => {
    renderApp(tab('storefront', 'review'));
    const table = await screen.findByRole('table', { name: 'Merge requests' });
    const links = within(table)
      .queryAllByRole('link')
      .filter((a) => a.getAttribute('target') === '_blank');
    for (const a of links) {
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    }
  });
});

describe('Container tab', () => {
  it('lists the OOM exits with their exit codes in the lifecycle', async () => {
    renderApp(tab('ml-pipeline', 'container'));
    const lifecycle = await screen.findByRole('list', { name: 'Lifecycle events' });
    const ooms = within(lifecycle)
      .getAllByTestId('lifecycle-event')
      .filter((li) => within(li).queryByText('oom'));
    expect(ooms).toHaveLength(4);
    for (const li of ooms) {
      expect(li).toHaveTextContent('exit code 137');
      expect(li).toHaveTextContent('OOMKilled');
    }
    expect(screen.getByText('degraded')).toBeInTheDocument();
    expect(screen.getByText('4 OOM')).toBeInTheDocument();
  });

  it('flags a heap asked for above the memory limit beside NODE_OPTIONS', async () => {
    renderApp(tab('ml-pipeline', 'container'));
    const env = await screen.findByRole('table', { name: 'Container environment variables' });
    const row = within(env)
      .getAllByRole('row')
      .find((r) => r.textContent?.startsWith('NODE_OPTIONS'))!;
    expect(row).toHaveTextContent('--max-old-space-size=8192 heap 8192 MB > memory limit 4096 MB');
    expect(within(env).getAllByText(/> memory limit/)).toHaveLength(1);
  });

  it('masks secret env values and shows uptime with no dispatched agent', async () => {
    renderApp(tab('data-warehouse', 'container'));
    const env = await screen.findByRole('table', { name: 'Container environment variables' });
    const secrets = scenarioTown('data-warehouse').env.filter((v) => v.secret);
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(env).not.toHaveTextContent(s.value);
    expect(within(env).getAllByLabelText('masked secret')).toHaveLength(secrets.length);
    expect(screen.getByTestId('idle-uptime')).toHaveTextContent(/1[34] h/);
    // The label says what the figure is: idle time, not "up".
    expect(screen.getByText('Idle (running, no agent dispatched)')).toBeInTheDocument();
  });
});

describe('Config tab', () => {
  it('shows the expired token with its error and the git push failures', async () => {
    renderApp(tab('infra-terraform', 'config'));
    const creds = await screen.findByRole('table', { name: 'Credential status' });
    const row = within(creds).getAllByTestId('credential-row')[0]!;
    expect(row).toHaveTextContent('expired');
    expect(row).toHaveTextContent('401 Bad credentials');
    expect(row).toHaveTextContent('failed');
    const failures = within(screen.getByRole('table', { name: 'Git failures' }))
      .getAllByRole('row')
      .slice(1);
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.some((r) => r.textContent?.includes('push'))).toBe(true);
    expect(failures[0]).toHaveTextContent('Permission to');
    expect(failures[0]).toHaveTextContent('128');
    expect(screen.getByRole('table', { name: 'Rig configs' })).toHaveTextContent('infra-terraform');
  });
});

describe('Events tab', () => {
  it('shows the unified timeline newest first and filters by kind through the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(tab('infra-terraform', 'events'));
    const table = await screen.findByRole('table', { name: 'Timeline' });
    const times = within(table)
      .getAllByTestId('timeline-row')
      .map((r) => r.querySelector('td')!.getAttribute('title')!);
    expect([...times].sort().reverse()).toEqual(times);
    await user.click(screen.getByRole('button', { name: 'credential' }));
    expect(router.state.location.search).toBe('?kind=credential');
    await waitFor(() => {
      const rows = within(screen.getByRole('table', { name: 'Timeline' })).getAllByTestId('timeline-row');
      expect(rows.every((r) => r.textContent?.includes('credential'))).toBe(true);
    });
  });

  it('filters to one agent when its id is clicked, and shows a row’s details', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('payments-api');
    const toast = town.agents.find((a) => a.name === 'Toast')!;
    const { router } = renderApp(tab('payments-api', 'events', '?kind=dispatch'));
    const table = await screen.findByRole('table', { name: 'Timeline' });
    await user.click(within(table).getAllByRole('button', { name: `Show only events of agent ${toast.id}` })[0]!);
    expect(new URLSearchParams(router.state.location.search).get('entity')).toBe(toast.id);
    const n = town.dispatch_attempts.filter((d) => d.agent_id === toast.id).length;
    await waitFor(() => expect(screen.getByTestId('timeline-count')).toHaveTextContent(new RegExp(`^${n} of ${n} events`)));
    const first = within(screen.getByRole('table', { name: 'Timeline' })).getAllByTestId('timeline-row')[0]!;
    await user.click(within(first).getByRole('button', { name: /^Details of/ }));
    const details = await screen.findByRole('region', { name: 'Event details' });
    expect(details).toHaveTextContent(/dispatch attempt \d\/5/);
    expect(details).toHaveTextContent('container_status');
  });

  it('pages older events and exports the filtered rows', async () => {
    const user = userEvent.setup();
    renderApp(tab('storefront', 'events'));
    await screen.findByRole('table', { name: 'Timeline' });
    const created: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => {};
    try {
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    } finally {
      URL.createObjectURL = original;
    }
    expect(created).toHaveLength(2);
    const csv = await created[0]!.text();
    expect(csv.startsWith('at,kind,type,severity')).toBe(true);
    const json = JSON.parse(await created[1]!.text()) as { count: number; items: unknown[] };
    expect(json.items).toHaveLength(json.count);
  });

  it('says live refresh skips the timeline once older events are loaded, and goes back to the newest', async () => {
    const user = userEvent.setup();
    renderApp(`/towns/${LARGE_TOWN_ID}/events`);
    await screen.findByRole('table', { name: 'Timeline' }, { timeout: 10_000 });
    expect(screen.queryByTestId('timeline-live-off')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(screen.getByTestId('timeline-count')).toHaveTextContent(/^2,000 of [\d,]+ events loaded/), {
      timeout: 10_000,
    });
    expect(screen.getByTestId('timeline-live-off')).toHaveTextContent('new events do not appear');
    await user.click(screen.getByRole('button', { name: /Back to the newest 1,000/ }));
    await waitFor(() => expect(screen.getByTestId('timeline-count')).toHaveTextContent(/^1,000 of [\d,]+ events loaded/), {
      timeout: 10_000,
    });
    expect(screen.queryByTestId('timeline-live-off')).toBeNull();
  }, 30_000);

  it('filters by text on the server through the URL, says when nothing matches, and clears the text', async () => {
    const user = userEvent.setup();
    const town = scenarioTown('infra-terraform');
    const { router } = renderApp(tab('infra-terraform', 'events'));
    await screen.findByRole('table', { name: 'Timeline' });
    await waitFor(() => expect(screen.getByTestId('timeline-count')).toHaveTextContent(/^[\d,]+ of [\d,]+ events/));
    const everything = screen.getByTestId('timeline-count').textContent;
    const box = screen.getByRole('searchbox', { name: 'Filter events by text' });
    await user.type(box, 'BAD CREDENTIALS');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('BAD CREDENTIALS'));
    const failed = town.credential_events.filter((c) => c.error?.toLowerCase().includes('bad credentials')).length;
    expect(failed).toBeGreaterThan(0);
    await waitFor(() => {
      const rows = within(screen.getByRole('table', { name: 'Timeline' })).getAllByTestId('timeline-row');
      expect(rows.length).toBeGreaterThanOrEqual(failed);
      for (const row of rows) expect(row.textContent?.toLowerCase()).toContain('bad credentials');
    });
    expect(screen.getByTestId('timeline-count')).not.toHaveTextContent(everything!);

    await user.type(box, ' in no row zq');
    expect(await screen.findByText('No events match “BAD CREDENTIALS in no row zq”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the text' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(box).toHaveValue('');
    await waitFor(() => expect(screen.getByTestId('timeline-count')).toHaveTextContent(everything!));
  });

  it('shows an empty state for a filter with no rows', async () => {
    renderApp(tab('storefront', 'events', '?from=2001-01-01T00:00:00.000Z&to=2001-01-02T00:00:00.000Z'));
    expect(await screen.findByText('No events match these filters')).toBeInTheDocument();
  });
});

describe('Inspector frame', () => {
  it('has a visible live-refresh switch and disabled platform links that say why', async () => {
    const user = userEvent.setup();
    renderApp(tab('storefront', 'agents'));
    await screen.findByRole('table', { name: 'Agents' });
    const pause = screen.getByRole('button', { name: 'Pause' });
    await user.click(pause);
    expect(screen.getByText('Live refresh paused')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
    const links = screen.getByRole('navigation', { name: 'Platform links' });
    const worker = within(links).getByRole('link', { name: /Worker logs/ });
    expect(worker).toHaveAttribute('aria-disabled', 'true');
    expect(worker).toHaveAttribute('title', expect.stringContaining('VITE_PLATFORM_LINK_WORKER_LOGS'));
  });

  it('renders the town’s audit log on the audit tab', async () => {
    renderApp(tab('storefront', 'audit'));
    await act(async () => {});
    expect(await screen.findByRole('region', { name: 'Intervention log' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Town Inspector' })).toBeInTheDocument();
  });
});
