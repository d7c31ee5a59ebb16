import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../../../api';
import { paths } from '../../../lib/paths';
import { server } from '../../../mocks/node';
import { renderApp, scenarioTown } from '../../../test/render-app';

/** The agents of a town never answer (a hung endpoint); every other request is served. */
function hangAgents() {
  let asked = 0;
  server.use(
    http.get('*/api/admin/towns/:townId/agents', () => {
      asked++;
      return new Promise<never>(() => {});
    }),
  );
  return () => asked;
}

describe('a hung request', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says "still waiting (N s)…" after 10 s, Cancel stops it and keeps the page, Retry asks again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const asked = hangAgents();
    const town = scenarioTown('storefront');
    renderApp(paths.town.getHref(town.town.id, 'agents'));
    apiClient.configure({ timeoutMs: 120_000 }); // the hang, not the client's timeout, is under test
    const status = await screen.findByText('Loading agents', { exact: false });
    const header = await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(12_000));
    const loading = status.closest('[role="status"]') as HTMLElement;
    expect(loading).toHaveTextContent(/still waiting \(1[23] s\)…/);
    expect(asked()).toBe(1);

    await user.click(within(loading).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/Cancelled while loading agents/)).toBeInTheDocument();
    expect(header).toBeInTheDocument(); // what was shown stays
    expect(screen.queryByText(/still waiting/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Loading agents', { exact: false })).toBeInTheDocument();
    expect(asked()).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(11_000));
    expect(screen.getByText(/still waiting/)).toHaveTextContent(/still waiting \(1[12] s\)…/);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(asked()).toBe(3));
    expect(screen.queryByText(/still waiting/)).not.toBeInTheDocument();
  });
});
