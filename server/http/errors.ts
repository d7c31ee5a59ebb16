/** An error the API answers as `{ error: { code, message, details? } }` with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badParam = (param: string, message: string, details: Record<string, unknown> = {}) =>
  new HttpError(400, 'bad_request', `${param}: ${message}`, { parameter: param, ...details });

export const notFound = (what: string, id: string) =>
  new HttpError(404, 'not_found', `No ${what} with id ${truncate(id)}.`, { resource: what, id: truncate(id) });

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return json(
      { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } },
      error.status,
    );
  }
  // The stack stays in the server log; the client gets a generic message.
  console.error('admin api: unexpected error', error);
  return json({ error: { code: 'server_error', message: 'The admin API failed unexpectedly.' } }, 500);
}

/** Ids echoed back in messages are cut short: a 10 MB id must not come back in the error. */
export function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The value, or a 404 naming what was looked up. */
export function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw notFound(what, id);
  return value;
}
