/// <reference types="vite/client" />

/** True when built with `--mode mock`: MSW serves the scenario towns in the browser. */
declare const __MOCK_API__: boolean;

interface ImportMetaEnv {
  readonly VITE_API_BASE?: string;
  readonly VITE_SHOW_DEV_TOKENS?: string;
  /** dev:mock only: `production-today` makes the in-page backend play production as it records today. */
  readonly VITE_PROFILE?: string;
  /** Dashboard origins allowed to frame the panel and talk to it (comma separated; never `*`). */
  readonly VITE_EMBED_ALLOWED_ORIGINS?: string;
}
