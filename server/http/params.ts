import { badParam, HttpError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** User ids come from the dashboard (not UUIDs): printable, no separators that could confuse a path. */
const USER_ID = /^[A-Za-z0-9._:@+-]{1,128}$/;
/** The whole query string; the platform itself refuses far longer URLs before the Worker runs. */
export const MAX_QUERY_CHARS = 8192;
const MAX_TEXT = 500;

export function uuidParam(name: string, value: string): string {
  if (!UUID.test(value)) throw badParam(name, 'must be a UUID');
  return value.toLowerCase();
}

export function userIdParam(value: string): string {
  if (!USER_ID.test(value)) throw badParam('userId', 'must be 1–128 characters of letters, digits and . _ : @ + -');
  return value;
}

/** Reads the query string once, refusing oversized input up front. */
export class QueryParams {
  private readonly params: URLSearchParams;

  constructor(url: URL) {
    if (url.search.length > MAX_QUERY_CHARS) {
      let longest = '';
      let longestLength = -1;
      for (const [key, value] of url.searchParams) {
        if (value.length > longestLength) [longest, longestLength] = [key, value.length];
      }
      throw badParam(longest || 'query', `the query string is longer than ${MAX_QUERY_CHARS} characters`, {
        length: url.search.length,
      });
    }
    this.params = url.searchParams;
  }

  text(name: string, max = MAX_TEXT): string | undefined {
    const value = this.params.get(name);
    if (value === null || value === '') return undefined;
    if (value.length > max) throw badParam(name, `must be at most ${max} characters`);
    return value;
  }

  int(name: string, options: { min: number; max?: number }): number | undefined {
    const value = this.text(name, 20);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw badParam(name, 'must be an integer');
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < options.min || (options.max !== undefined && n > options.max)) {
      throw badParam(name, options.max === undefined ? `must be ≥ ${options.min}` : `must be between ${options.min} and ${options.max}`);
    }
    return n;
  }

  limit(defaultValue: number, max: number): number {
    return this.int('limit', { min: 1, max }) ?? defaultValue;
  }

  /** A comma list whose every item is one of `allowed`. */
  list<T extends string>(name: string, allowed: readonly T[]): T[] | undefined {
    const value = this.text(name, 1000);
    if (value === undefined) return undefined;
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const item of items) {
      if (!allowed.includes(item as T)) throw badParam(name, `unknown value "${item.slice(0, 40)}"`, { allowed });
    }
    return items as T[];
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.text(name, 100);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) throw badParam(name, `unknown value "${value.slice(0, 40)}"`, { allowed });
    return value as T;
  }

  time(name: string): string | undefined {
    const value = this.text(name, 40);
    if (value === undefined) return undefined;
    const ms = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw badParam(name, 'must be an ISO-8601 time');
    return new Date(ms).toISOString();
  }

  uuid(name: string): string | undefined {
    const value = this.text(name, 64);
    return value === undefined ? undefined : uuidParam(name, value);
  }
}

/** Keyset cursors are opaque to clients: base64url of a JSON array. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(
  name: string,
  value: string | undefined,
  shape: readonly ('string' | 'number')[],
): (string | number)[] | undefined {
  if (value === undefined) return undefined;
  const invalid = () => badParam(name, 'is not a cursor this API returned');
  let parts: unknown;
  try {
    parts = JSON.parse(atob(value.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts) || parts.length !== shape.length) throw invalid();
  parts.forEach((part, i) => {
    if (typeof part !== shape[i]) throw invalid();
  });
  return parts as (string | number)[];
}

export const methodNotAllowed = (allowed: string) => new HttpError(405, 'method_not_allowed', `Use ${allowed} on this path.`);
