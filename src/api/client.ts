import type { z } from 'zod';
import { ActionResult, ErrorBody, type ActionName, type ActionRequest } from './schemas';
import { actionPath, toSearchParams, TOWN_TIME_HEADER, type EndpointSpec } from './endpoints';
import { ApiError, codeForStatus, describeZodError, isRetryableStatus } from './errors';
import { salvageRows, type Salvaged } from './salvage';
import { noteTownTimes } from './town-clock';

export interface ApiConfig {
  /** Origin (and optional path) of the admin API, '' for same-origin. */
  baseUrl: string;
  /** The admin's bearer token, or null when there is no session. */
  getToken: () => string | null;
  /** Per-request time limit. */
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface ActionOptions {
  /** A retried request with the same key never acts twice. */
  idempotencyKey: string;
  /** The target's version, or the server's row tag (`row:…`) for a target read without one; a stale one gets 409. */
  ifMatch?: number | string | null;
  signal?: AbortSignal;
}

export interface GetOptions {
  /**
   * Keep the answer and its ETag, and ask next time with `If-None-Match` (a 304 returns the same
   * object, so nothing re-renders). Default on; off for pages that never change and would only fill
   * the memory (the event index's history pages).
   */
  revalidate?: boolean;
}

/** Answers kept for revalidation: enough for every live view of a page, bounded whatever is browsed. */
const REVALIDATE_ENTRIES = 48;

const defaults: ApiConfig = {
  baseUrl: '',
  getToken: () => null,
  timeoutMs: 20_000,
  fetch: (...args) => globalThis.fetch(...args),
};

/**
 * The only code that talks to the network. Returns parsed data or throws an `ApiError`;
 * it has no UI side effects (what a 401 means is the app's decision).
 */
export function createApiClient(initial: Partial<ApiConfig> = {}) {
  let config: ApiConfig = { ...defaults, ...initial };
  /** Last tagged answer per URL, least recently used first (a Map keeps insertion order). */
  const tagged = new Map<string, { etag: string; data: unknown }>();

  /** Sends the request; network failures and the time limit (until the answer's headers) become `ApiError`s. */
  async function open(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<{ response: Response; endpoint: string }> {
    const endpoint = `${method} ${path.split('?')[0]}`;
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    const token = config.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), config.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    try {
      const response = await config.fetch(`${config.baseUrl}${path}`, {
        method,
        headers,
        signal,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      noteTownTimes(response.headers.get(TOWN_TIME_HEADER));
      return { response, endpoint };
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      if (timeout.signal.aborted) {
        throw new ApiError(0, 'timeout', `No answer within ${Math.round(config.timeoutMs / 1000)} s.`, true, endpoint);
      }
      throw new ApiError(0, 'network', 'The admin API could not be reached (offline or refused).', true, endpoint);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A non-2xx answer as an `ApiError`, with the contract's error body when it has one. */
  function failure(response: Response, body: unknown, endpoint: string): ApiError {
    const parsed = ErrorBody.safeParse(body);
    const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status} ${response.statusText}`.trim();
    const code = parsed.success ? parsed.data.error.code : codeForStatus(response.status);
    return new ApiError(
      response.status,
      code,
      message,
      isRetryableStatus(response.status),
      endpoint,
      parsed.success ? parsed.data.error.details : undefined,
    );
  }

  async function send(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal }) {
    const { response, endpoint } = await open(method, path, init);
    let body: unknown = undefined;
    const text = await response.text();
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        if (response.ok) throw unreadableBody(endpoint, text, response.headers.get('content-type'));
      }
    }
    if (response.status === 304) return { body: undefined, endpoint, status: 304, etag: response.headers.get('etag') };
    if (!response.ok) throw failure(response, body, endpoint);
    return { body, endpoint, status: response.status, etag: response.headers.get('etag') };
  }

  /** Reads keep what they can (`salvage`); an action's answer must match whole, or the admin cannot trust it. */
  function parse<T extends z.ZodType>(schema: T, body: unknown, endpoint: string, salvage: boolean): z.infer<T> & Salvaged {
    const result = schema.safeParse(body);
    if (!result.success) {
      const salvaged = salvage ? salvageRows(schema, body, result.error) : null;
      if (salvaged) return salvaged;
      throw new ApiError(
        0,
        'invalid_response',
        `${endpoint} returned data that does not match the contract — ${describeZodError(result.error)}`,
        false,
        endpoint,
        { issues: result.error.issues.slice(0, 10) },
      );
    }
    return result.data as z.infer<T> & Salvaged;
  }

  return {
    configure(next: Partial<ApiConfig>) {
      config = { ...config, ...next };
      tagged.clear();
    },
    get config(): Readonly<ApiConfig> {
      return config;
    },
    /**
     * Fetches a read endpoint and parses its answer with the endpoint's schema. Rows of a list that do
     * not match are set aside as `invalid_rows` (see `salvageRows`) so the rest of the list shows.
     */
    async get<T extends z.ZodType>(spec: EndpointSpec<T>, signal?: AbortSignal, options: GetOptions = {}): Promise<z.infer<T> & Salvaged> {
      const url = `${spec.path}${toSearchParams(spec.query)}`;
      const kept = options.revalidate === false ? undefined : tagged.get(url);
      const { body, endpoint, status, etag } = await send(spec.method, url, {
        ...(signal ? { signal } : {}),
        ...(kept ? { headers: { 'if-none-match': kept.etag } } : {}),
      });
      if (status === 304) {
        if (!kept)
          throw new ApiError(0, 'invalid_response', `${endpoint} answered 304 to a request that named no version.`, false, endpoint);
        tagged.delete(url);
        tagged.set(url, kept);
        return kept.data as z.infer<T> & Salvaged;
      }
      const data = parse(spec.schema, body, endpoint, true);
      tagged.delete(url);
      if (etag && options.revalidate !== false) {
        tagged.set(url, { etag, data });
        if (tagged.size > REVALIDATE_ENTRIES) tagged.delete(tagged.keys().next().value!);
      }
      return data;
    },
    /** Runs (or dry-runs) an intervention. */
    async act(townId: string, action: ActionName, request: ActionRequest, options: ActionOptions): Promise<ActionResult> {
      const headers: Record<string, string> = { 'idempotency-key': options.idempotencyKey };
      if (options.ifMatch != null) headers['if-match'] = String(options.ifMatch);
      const { body, endpoint } = await send('POST', actionPath(townId, action), {
        body: request,
        headers,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return parse(ActionResult, body, endpoint, false);
    },
    /** POSTs a JSON body to a non-action endpoint (bulk batches) and parses the whole answer with `schema`. */
    async post<T extends z.ZodType>(path: string, request: unknown, schema: T, signal?: AbortSignal): Promise<z.infer<T>> {
      const { body, endpoint } = await send('POST', path, { body: request, ...(signal ? { signal } : {}) });
      return parse(schema, body, endpoint, false);
    },
    /** PUT, PATCH or DELETE on a non-action endpoint (saved views); the whole answer must match `schema`. */
    async write<T extends z.ZodType>(
      method: 'PUT' | 'PATCH' | 'DELETE',
      path: string,
      request: unknown,
      schema: T,
      signal?: AbortSignal,
    ): Promise<z.infer<T>> {
      const { body, endpoint } = await send(method, path, {
        ...(request !== undefined ? { body: request } : {}),
        ...(signal ? { signal } : {}),
      });
      return parse(schema, body, endpoint, false);
    },
    /**
     * Reads a streamed NDJSON answer (town-wide search, a bulk run): each line is parsed with `schema` and handed to
     * `onLine` as it arrives. Resolves when the stream ends; an error answer, a line that breaks the
     * contract or a cut connection throws an `ApiError`. Aborting `signal` stops reading (and tells the server).
     */
    async stream<T extends z.ZodType>(
      path: string,
      schema: T,
      onLine: (line: z.infer<T>) => void,
      signal?: AbortSignal,
      /** A POST with this body (a bulk run) instead of a GET. */
      post?: { body: unknown },
    ): Promise<void> {
      const { response, endpoint } = await open(post ? 'POST' : 'GET', path, {
        headers: { accept: 'application/x-ndjson' },
        ...(post ? { body: post.body } : {}),
        ...(signal ? { signal } : {}),
      });
      if (!response.ok || !response.body) {
        const text = await response.text();
        let body: unknown = undefined;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not the contract's error body: the status says what happened
        }
        throw failure(response, body, endpoint);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      let finished = false;
      const handle = (text: string) => {
        if (!text.trim()) return;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          throw new ApiError(0, 'invalid_response', `${endpoint} sent a line that is not JSON.`, true, endpoint);
        }
        onLine(parse(schema, value, endpoint, false));
      };
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            finished = true;
            break;
          }
          buffered += value;
          let newline = buffered.indexOf('\n');
          while (newline >= 0) {
            handle(buffered.slice(0, newline));
            buffered = buffered.slice(newline + 1);
            newline = buffered.indexOf('\n');
          }
        }
      } catch (cause) {
        if (signal?.aborted || cause instanceof ApiError) throw cause;
        throw new ApiError(0, 'network', `${endpoint}: the answer was cut off before its end.`, true, endpoint);
      } finally {
        // Stopped before the end (a bad line): cancelling tells the server to stop searching.
        if (!finished) void reader.cancel().catch(() => undefined);
      }
      handle(buffered);
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's client; the app shell configures its base URL and token source at start-up. */
export const apiClient = createApiClient();

/**
 * A 200 whose body is not JSON. An HTML page (a proxy's or gateway's error page) or JSON cut off before
 * its end is usually a hiccup on the way, so it is retryable; any other text is a contract problem.
 */
function unreadableBody(endpoint: string, text: string, contentType: string | null): ApiError {
  const start = text.trimStart().charAt(0);
  if ((contentType ?? '').includes('text/html') || start === '<')
    return new ApiError(
      0,
      'invalid_response',
      `${endpoint} answered with an HTML page instead of JSON (usually a proxy in the way for a moment).`,
      true,
      endpoint,
    );
  if (start === '{' || start === '[')
    return new ApiError(0, 'invalid_response', `${endpoint} sent an answer that was cut off before its end.`, true, endpoint);
  return new ApiError(0, 'invalid_response', `${endpoint} returned a body that is not JSON.`, false, endpoint);
}
