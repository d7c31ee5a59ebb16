import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSession } from '../../api';
import { paths } from '../../lib/paths';
import { renderApp } from '../../test/render-app';
import type { EmbedHost } from './embed-host';
import { DEV_TOKENS } from '../../test/tokens';

function fakeHost(renewed: string | null): EmbedHost {
  return {
    kind: 'iframe',
    waitingHint: 'Accepts a session only from https://admin.kilo.ai.',
    renewSession: vi.fn(async () => renewed),
    connectRouter: vi.fn(() => () => {}),
  };
}

/** A user's page, where the embedded app opens. */
const USER_PAGE = paths.user.getHref('usr_2b7f1c9e4a');

afterEach(() => clearSession());

describe('the session gate, embedded', () => {
  it('waits for the dashboard instead of showing a sign-in form', async () => {
    renderApp(USER_PAGE, { embed: fakeHost(null), token: null });
    expect(await screen.findByText('Waiting for the admin dashboard to share your session')).toBeInTheDocument();
    expect(screen.queryByLabelText('Admin token')).not.toBeInTheDocument();
  });

  it('on 401 asks the dashboard for a fresh token and carries on with it', async () => {
    const host = fakeHost(DEV_TOKENS.admin);
    renderApp(USER_PAGE, { embed: host, token: 'dev-expired-token' });
    expect(await screen.findByRole('list', { name: 'Towns' }, { timeout: 5000 })).toBeInTheDocument();
    expect(host.renewSession).toHaveBeenCalledTimes(1);
    expect(host.connectRouter).toHaveBeenCalled();
    expect(screen.queryByLabelText('Admin token')).not.toBeInTheDocument();
  });

  it('says so when the dashboard cannot renew the session, still without a login form', async () => {
    renderApp(USER_PAGE, { embed: fakeHost(null), token: 'dev-expired-token' });
    expect(await screen.findByRole('heading', { name: 'Your admin session has expired' })).toBeInTheDocument();
    expect(screen.getByText(/The admin dashboard could not renew it/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Admin token')).not.toBeInTheDocument();
  });

  it('shows "Admins only" for a non-admin token, with no way to switch accounts here', async () => {
    renderApp(USER_PAGE, { embed: fakeHost(null), token: DEV_TOKENS.nonAdmin });
    expect(await screen.findByRole('heading', { name: 'Admins only' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use another account' })).not.toBeInTheDocument();
  });
});
