import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../api/client';
import { endpoints } from '../../../api/endpoints';
import { agentNamed, versionOf } from '../../../api/contract/lookups';
import { getStore } from '../../../mocks/handlers';
import { renderApp } from '../../../test/render-app';
import { DEV_TOKENS } from '../../../test/tokens';
import { RecoveryWatchPanel } from './recovery-watch';

const api = createApiClient({ baseUrl: 'http://localhost', getToken: () => DEV_TOKENS.admin });

async function advance(townId: string, minutes: number) {
  const res = await fetch('http://localhost/api/dev/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_TOKENS.admin}` },
    body: JSON.stringify({ advanceMs: minutes * 60_000, town_id: townId }),
  });
  if (!res.ok) throw new Error(`clock: ${res.status}`);
}

async function act(
  townName: string,
  action: 'agent.retry_dispatch' | 'container.force_restart' | 'container.set_sleep_timeout' | 'credential.force_refresh',
  kind: 'agent' | 'container' | 'rig',
  agent?: string,
  params: Record<string, unknown> = {},
) {
  const townId = getStore().world.towns.find((t) => t.town.name === townName)!.town.id;
  const id =
    kind === 'agent'
      ? (await agentNamed(api, townId, agent!)).id
      : kind === 'rig'
        ? (await api.get(endpoints.config(townId))).rigs[0]!.rig.id
        : townId;
  const result = await api.act(
    townId,
    action,
    { target: { kind, id }, params, reason: 'recovery watch test', dryRun: false },
    { idempotencyKey: crypto.randomUUID(), ifMatch: await versionOf(api, townId, kind, id) },
  );
  return { townId, auditId: result.audit_entry!.id, outcome: result.audit_entry!.outcome };
}

describe('the recovery watch in the result panel', () => {
  it('lists what recovery looks like as "not yet", turns each ✓ with the time it took as the town moves, then says recovered', async () => {
    const { townId, auditId } = await act('payments-api', 'agent.retry_dispatch', 'agent', 'Toast');
    renderApp('/', { element: <RecoveryWatchPanel townId={townId} auditId={auditId} /> });
    const panel = await screen.findByRole('region', { name: 'Recovery' }, { timeout: 8000 });
    expect(within(panel).getByText('A dispatch attempt recorded')).toBeInTheDocument();
    expect(within(panel).getByText(/watching until/)).toBeInTheDocument();

    await advance(townId, 2);
    await waitFor(() => expect(within(panel).getAllByText(/— took \d+ (s|min)/)).toHaveLength(3), { timeout: 6000 });
    await advance(townId, 10);
    expect(await within(panel).findByText(/^Recovered in \d+ (s|min)$/, {}, { timeout: 6000 })).toHaveAttribute(
      'data-verdict',
      'recovered',
    );
  });

  it('past the deadline a wrong fix reads "did not recover" with the newest evidence and a link to it', async () => {
    const { townId, auditId } = await act('ml-pipeline', 'container.force_restart', 'container');
    renderApp('/', { element: <RecoveryWatchPanel townId={townId} auditId={auditId} /> });
    const panel = await screen.findByRole('region', { name: 'Recovery' }, { timeout: 8000 });
    await advance(townId, 12);
    expect(await within(panel).findByText('Did not recover', {}, { timeout: 6000 })).toBeInTheDocument();
    const container = panel.querySelector('[data-check="container_running"]') as HTMLElement;
    expect(container).toHaveAttribute('data-met', 'false');
    expect(within(container).getByText(/OOM-killed at \d\d:\d\d:\d\d after the restart/)).toBeInTheDocument();
    expect(within(container).getByRole('link', { name: 'see it' })).toHaveAttribute('href', `/towns/${townId}/container`);
  });

  it('says plainly there is nothing to watch after an action that declares no recovery, and why', async () => {
    const { townId, auditId } = await act('storefront', 'container.set_sleep_timeout', 'container', undefined, { sleep_after_minutes: 45 });
    renderApp('/', { element: <RecoveryWatchPanel townId={townId} auditId={auditId} /> });
    const line = await screen.findByText(/^Nothing to watch after this action:/, {}, { timeout: 8000 });
    expect(line).toHaveTextContent('Nothing to watch after this action: A setting: it applies the next time the container is idle.');
    expect(screen.queryByRole('region', { name: 'Recovery' })).toBeNull();
  });

  it('after a failed action, says there is no recovery to follow, with the error, instead of showing nothing', async () => {
    // A refresh from the suspended integration fails: its expectations (credential valid, git clean) are not watched.
    const { townId, auditId, outcome } = await act('infra-terraform', 'credential.force_refresh', 'rig');
    expect(outcome).toBe('failure');
    renderApp('/', { element: <RecoveryWatchPanel townId={townId} auditId={auditId} /> });
    const line = await screen.findByText(/^Nothing to watch after this action:/, {}, { timeout: 8000 });
    expect(line.textContent).toMatch(
      /^Nothing to watch after this action: It failed \(Refresh failed: .+\): what it was meant to change did not happen, so there is no recovery to follow\. Fix the cause the error names, then act again\.$/,
    );
    expect(screen.queryByRole('region', { name: 'Recovery' })).toBeNull();
  });
});
