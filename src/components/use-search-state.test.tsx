import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render-app';
import { useSearchState } from './use-search-state';

interface View {
  a: string;
  b: string;
}
const parse = (p: URLSearchParams): View => ({ a: p.get('a') ?? '', b: p.get('b') ?? '' });
const write = (view: View, base: URLSearchParams) => {
  const next = new URLSearchParams(base);
  for (const key of ['a', 'b'] as const) {
    if (view[key]) next.set(key, view[key]);
    else next.delete(key);
  }
  return next;
};

function Probe() {
  const [view, update] = useSearchState(parse, write);
  return (
    <>
      <output>{`a=${view.a} b=${view.b}`}</output>
      <button type="button" onClick={() => update({ a: '1' })}>
        a=1
      </button>
      <button type="button" onClick={() => update({ b: '2' })}>
        b=2
      </button>
      <button type="button" onClick={() => update({ a: '' }, { replace: false })}>
        no a, as a step
      </button>
    </>
  );
}
const click = (name: string) => act(() => fireEvent.click(screen.getByRole('button', { name })));

/** A route whose loader takes a while: every search change is a navigation in flight for 30 ms. */
function renderProbe(url: string) {
  const slow = () => new Promise((resolve) => setTimeout(() => resolve(null), 30));
  return renderApp(url, { routes: [{ path: '/', loader: slow, HydrateFallback: () => null, element: <Probe /> }] }).router;
}

describe('useSearchState', () => {
  it('reads the view from the URL and writes patches back, replacing the history entry by default', async () => {
    const router = renderProbe('/?a=1&keep=me');
    expect(await screen.findByText('a=1 b=')).toBeInTheDocument();
    click('b=2');
    expect(await screen.findByText('a=1 b=2')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?a=1&keep=me&b=2');
    expect(router.state.historyAction).toBe('REPLACE');
    click('no a, as a step');
    expect(await screen.findByText('a= b=2')).toBeInTheDocument();
    expect(router.state.historyAction).toBe('PUSH');
  });

  it('builds on its own last write while that navigation is still in flight', async () => {
    const router = renderProbe('/');
    await screen.findByText('a= b=');
    // Two updates before the first navigation commits: the second must not drop the first.
    click('a=1');
    click('b=2');
    await waitFor(() => expect(router.state.location.search).toBe('?a=1&b=2'));
    expect(await screen.findByText('a=1 b=2')).toBeInTheDocument();
  });
});
