import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { server } from './src/mocks/node';
import { resetMockState } from './src/mocks/handlers';

// findBy*/waitFor wait up to 5 s, not 1: a view that seeds its town in sql.js first is slow on a loaded 2-core
// machine, and a view that never shows the text still fails.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetMockState();
});
afterAll(() => server.close());

// jsdom lays nothing out: no ResizeObserver, no scrollIntoView. cmdk (the command palette) uses both
// to size its list and keep the selected item in view; here they have nothing to measure or scroll.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
// Node-environment test files (the worker and core suites) have no DOM at all.
if (typeof Element !== 'undefined' && typeof Element.prototype.scrollIntoView !== 'function')
  Element.prototype.scrollIntoView = function scrollIntoView() {};
