/**
 * The scenario builders import their row types from `src/api`, whose index also re-exports the SPA's
 * session store (it reads `sessionStorage`, guarded by a typeof check). Workers have no DOM lib, so
 * this declares just enough for that file to typecheck here; nothing in the worker uses it. It can go
 * once the scenarios import from `src/api/schemas` directly.
 */
declare const sessionStorage: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};
