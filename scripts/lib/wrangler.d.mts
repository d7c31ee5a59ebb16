import type { ChildProcess } from 'node:child_process';

export declare const ROOT: string;
export declare const DEFAULT_STATE: string;
export interface LocalServer {
  base: string;
  stop: () => Promise<void>;
  child: ChildProcess;
}
export declare function startWrangler(options: {
  port: number;
  persistTo?: string;
  assets?: string;
  quiet?: boolean;
  timeoutMs?: number;
  detached?: boolean;
  testHooks?: boolean;
  profile?: 'reference' | 'production-today';
  corsOrigins?: string;
}): Promise<LocalServer>;
export declare function stopProcessGroup(child: ChildProcess): Promise<void>;
export declare function seed(
  base: string,
  options?: { scope?: 'world' | 'large'; now?: number; force?: boolean; refreshAfterMs?: number },
): Promise<Record<string, unknown>>;
export declare const DEV_HEADERS: { authorization: string; 'content-type': string };
export declare function devPost(base: string, path: string, body: unknown): Promise<Record<string, unknown>>;
export declare function emptyAssetsDir(): string;
export declare function isListening(port: number): Promise<boolean>;
export declare function freePort(from: number, to: number): Promise<number>;
export declare function releasePort(port: number): void;
export declare function startWranglerInRange(
  from: number,
  to: number,
  options?: {
    persistTo?: string;
    assets?: string;
    quiet?: boolean;
    timeoutMs?: number;
    detached?: boolean;
    testHooks?: boolean;
    corsOrigins?: string;
    /** Which deployment the backend plays (server/capabilities.ts). */
    profile?: 'reference' | 'production-today';
  },
): Promise<LocalServer>;
