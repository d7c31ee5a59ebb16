import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { failWith } from '../../../mocks/handlers';
import { ORGS } from '../../../../scenarios/orgs';
import { USERS } from '../../../../scenarios/users';
import { auditOf } from '../../../test/api';
import { renderApp, scenarioTown } from '../../../test/render-app';

const DANA = `/users/${USERS.dana.id}`;

// The first render seeds the world and verifies the first signed token; two cores run several files at once.
configure({ asyncUtilTimeout: 5000 });

async function townRows() {
  const list = await screen.findByRole('list', { name: 'Towns' });
  return within(list).getAllByTestId('town-row');
}

describe('the user’s Gastown section', () => {
  it('shows every town with its health colour and the reason in words', async () => {
    renderApp(DANA);
    const rows = await townRows();
    expect(rows).toHaveLength(9);
    const byName = (name: string) => rows.find((r) => within(r).queryByRole('link', { name }))!;
    expect(byName('storefront')).toHaveAttribute('data-health', 'green');
    expect(within(byName('storefront')).getByText('No problems found by the health rules.')).toBeInTheDocument();
    const expectations: [string, RegExp][] = [
      ['payments-api', /polecat Toast stalled 47 min on bead “Add idempotency keys to the refund endpoint”/],
      ['mobile-app', /blocked by failed bead “Upgrade Firebase SDK to 11\.x”/],
      ['docs-site', /review of “Merge: Add versioned docs sidebar” failed after 3 retries: merge conflict/],
      ['ml-pipeline', /container OOM-killed 4× in 24 h/],
      ['infra-terraform', /git credential for rig infra-terraform expired .* 401 Bad credentials/],
      ['design-system', /stuck at 6\/8 — 1 tracked bead is missing \(deleted instead of closed\)/],
      ['support-bot', /Mayor session errored: Session aborted: tool call loop detected/],
      ['data-warehouse', /used .* tokens in the last hour with no hooked bead/],
    ];
    for (const [name, reason] of expectations) {
      const row = byName(name);
      expect(row, name).toHaveAttribute('data-health', 'red');
      expect(row.textContent, name).toMatch(reason);
    }
  });

  it('summarizes each town: active agents, open beads, container status, last activity, inspector link', async () => {
    renderApp(DANA);
    const rows = await townRows();
    const row = rows.find((r) => within(r).queryByRole('link', { name: 'ml-pipeline' }))!;
    expect(within(row).getByText('Active agents')).toBeInTheDocument();
    expect(within(row).getByText('degraded')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Open ml-pipeline in the Town Inspector' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/towns\/[0-9a-f-]{36}\/state$/),
    );
  });

  it('force-restarts a town’s container from its row through the intervention dialog, with reason and audit entry', async () => {
    const user = userEvent.setup();
    renderApp(DANA);
    const rows = await townRows();
    const row = rows.find((r) => within(r).queryByRole('link', { name: 'ml-pipeline' }))!;
    await user.click(within(row).getByRole('button', { name: 'Force-restart the container of ml-pipeline' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'Force-restart container' })).toBeInTheDocument();
    const confirm = await within(dialog).findByRole('button', { name: 'Force-restart container' });
    await waitFor(() => expect(within(dialog).queryByRole('status')).not.toBeInTheDocument());
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Reason/), 'Support case #5120: OOM loop, restart the container');
    await user.click(confirm);
    expect(await within(dialog).findByText(/Recorded as audit entry #\d+ \(success\)/)).toBeInTheDocument();
    const town = scenarioTown('ml-pipeline');
    expect((await auditOf(town.town.id)).at(-1)).toMatchObject({
      action: 'container.force_restart',
      reason: 'Support case #5120: OOM loop, restart the container',
    });
  });

  it('lists the user’s rigs with repository and integration status', async () => {
    renderApp(DANA);
    const rigs = await screen.findByRole('table', { name: 'Rigs' });
    expect(within(rigs).getByText('https://github.com/acme-robotics/infra-terraform.git')).toBeInTheDocument();
    expect(within(rigs).getAllByText('active').length).toBeGreaterThan(0);
  });

  it('labels each town with its owner: the user’s own, and their organization’s (name and id)', async () => {
    renderApp(`/users/${USERS.priya.id}`);
    const rows = await townRows();
    const owner = (name: string) => within(rows.find((r) => within(r).queryByRole('link', { name }))!).getByTestId('town-owner');
    expect(owner('checkout-service')).toHaveTextContent(`Owner: Priya Raman ${USERS.priya.id}`);
    expect(owner('marketing-site')).toHaveTextContent(`Organization: Northwind Labs ${ORGS.northwind.org.id}`);
    expect(screen.getByText('2 towns · 1 own (GastownUserDO) · 1 from Northwind Labs (GastownOrgDO)')).toBeInTheDocument();
    expect(screen.getByText('Member of', { exact: false })).toHaveTextContent('Member of Northwind Labs (owner)');
  });

  it('a member with no towns of their own sees their organization’s town, and it opens in the Town Inspector', async () => {
    renderApp(`/users/${USERS.tomas.id}`);
    const [row, ...rest] = await townRows();
    expect(rest).toHaveLength(0);
    expect(within(row!).getByTestId('town-owner')).toHaveTextContent('Organization: Northwind Labs');
    await userEvent.click(within(row!).getByRole('link', { name: 'Open marketing-site in the Town Inspector' }));
    expect(await screen.findByRole('heading', { name: 'marketing-site' })).toBeInTheDocument();
    expect(screen.getByText('organization · created by')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Priya Raman' })).toHaveAttribute('href', `/users/${USERS.priya.id}`);
  });

  it('says plainly when a user has no towns', async () => {
    renderApp(`/users/${USERS.marco.id}`);
    expect(await screen.findByText('Marco Bellini has no Gastown towns')).toBeInTheDocument();
  });

  it.each([
    [401, 'Your admin session has expired', 'button', 'Sign in again'],
    [403, 'Admins only', 'link', 'Back to user search'],
    [500, 'The admin API failed (HTTP 500)', 'button', 'Retry'],
  ] as const)('a %s on the towns request shows its own message and a way forward', async (status, title, role, action) => {
    failWith('/towns', status);
    renderApp(DANA);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(within(alert).getByRole(role, { name: action })).toBeInTheDocument();
  });

  it('an unknown user id names what was looked up', async () => {
    renderApp('/users/usr_nobody');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found: user usr_nobody');
    expect(within(alert).getByRole('link', { name: 'Back to user search' })).toBeInTheDocument();
  });

  it('a payload that breaks the contract names the endpoint and the field instead of showing an empty list', async () => {
    failWith(/\/users\/[^/]+\/towns$/, 'malformed');
    renderApp(DANA);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The admin API sent data this panel does not understand');
    expect(alert).toHaveTextContent(
      /GET \/api\/admin\/users\/usr_2b7f1c9e4a\/towns returned data that does not match the contract — items: /,
    );
    expect(screen.queryByText(/has no Gastown towns/)).not.toBeInTheDocument();
  });

  it('a request that never answers times out with its own message and a retry that works', async () => {
    failWith(/\/towns$/, 'slow');
    renderApp(DANA); // the test client gives up after 2 s
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('The admin API took too long');
    expect(alert).toHaveTextContent('No answer within 2 s.');
    const { resetMockState } = await import('../../../mocks/handlers');
    resetMockState();
    within(alert).getByRole('button', { name: 'Retry' }).click();
    await waitFor(async () => expect(await townRows()).toHaveLength(9));
  }, 15_000);

  it('an offline API says it cannot be reached and offers a retry that works', async () => {
    failWith(/\/towns$/, 'offline');
    renderApp(DANA);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cannot reach the admin API');
    const { resetMockState } = await import('../../../mocks/handlers');
    resetMockState();
    within(alert).getByRole('button', { name: 'Retry' }).click();
    await waitFor(async () => expect(await townRows()).toHaveLength(9));
  });
});
