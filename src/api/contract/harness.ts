import type { z } from 'zod';
import { expect } from 'vitest';
import { API_PREFIX } from '../endpoints';
import { ErrorBody } from '../schemas';
import type { WorldSeed } from '../../../scenarios/types';

/** A backend the contract suite runs against: MSW in-process, or the worker over HTTP. */
export interface ContractTarget {
  /** Origin serving `/api/admin`, e.g. `http://127.0.0.1:8795`. */
  baseUrl: string;
  fetch: typeof fetch;
  /** The world the backend was seeded from (ids, tokens, secret values to look for). */
  world: WorldSeed;
  adminToken: string;
  nonAdminToken: string;
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/** GET an admin path (`/towns/…`, relative to the prefix) with the admin token unless told otherwise. */
export async function call(target: ContractTarget, path: string, token: string | null = target.adminToken): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await target.fetch(`${target.baseUrl}${API_PREFIX}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, body: parseJson(text), text };
}

/** Expects 200 and a body the schema accepts, and returns it parsed. */
export async function getOk<T extends z.ZodType>(target: ContractTarget, path: string, schema: T): Promise<z.infer<T>> {
  const answer = await call(target, path);
  expect(answer.status, `${path} → ${answer.text.slice(0, 300)}`).toBe(200);
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    throw new Error(`${path} does not match the contract: ${JSON.stringify(parsed.error.issues.slice(0, 5))}`);
  }
  return parsed.data;
}

/** Expects an error status with the contract's error body; returns the error. */
export async function getError(target: ContractTarget, path: string, status: number, token?: string | null) {
  const answer = await call(target, path, token === undefined ? target.adminToken : token);
  expect(answer.status, `${path.slice(0, 200)} → ${answer.text.slice(0, 300)}`).toBe(status);
  const parsed = ErrorBody.safeParse(answer.body);
  expect(parsed.success, `error body of ${path.slice(0, 200)}: ${answer.text.slice(0, 300)}`).toBe(true);
  expect(answer.text).not.toMatch(/\bat .+\(.*:\d+:\d+\)|node_modules|\.ts:\d+/);
  return parsed.data!.error;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
