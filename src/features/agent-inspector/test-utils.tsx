import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { apiClient } from '../../api';
import { AgentInspector } from './components/agent-inspector';

function Page() {
  const { townId = '', agentId = '' } = useParams();
  return <AgentInspector townId={townId} agentId={agentId} />;
}

/**
 * Renders the Agent Inspector at `url` through the real providers against the MSW scenario towns.
 * jsdom lays nothing out, so the event list's scroll box is given a size for the virtualizer.
 */
export function renderAgent(url: string) {
  apiClient.configure({ baseUrl: 'http://localhost', getToken: () => 'dev-admin-token' });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/towns/:townId/agents/:agentId', element: <Page /> }], { initialEntries: [url] });
  /** The query string the router shows now, parsed. */
  const search = () => new URLSearchParams(router.state.location.search);
  return {
    router,
    search,
    ...render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}

/** Gives every element a 1000×600 client box (the virtualizer measures its scroll element). */
export function stubLayout() {
  const proto = HTMLElement.prototype;
  const saved = {
    h: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    w: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
    scrollTo: Element.prototype.scrollTo,
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 1000 });
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top;
  } as Element['scrollTo'];
  return () => {
    if (saved.h) Object.defineProperty(proto, 'clientHeight', saved.h);
    if (saved.w) Object.defineProperty(proto, 'clientWidth', saved.w);
    Element.prototype.scrollTo = saved.scrollTo;
  };
}
