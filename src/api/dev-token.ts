import { apiClient } from './client';
import { ApiError } from './errors';

/**
 * Asks a local backend for a signed dev token (`POST /api/dev/token`, answered only where dev routes
 * are on: `npm start`, `dev:mock`, tests). The page holds no signing key: the backend signs, as
 * production's dashboard does.
 */
export async function requestDevToken(admin: boolean): Promise<string> {
  const { baseUrl, fetch } = apiClient.config;
  const response = await fetch(`${baseUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ admin }),
  }).catch(() => {
    throw new ApiError(0, 'network', 'The local backend could not be reached for a dev token.', true, 'POST /api/dev/token');
  });
  const body = (await response.json().catch(() => null)) as { token?: unknown; error?: { message?: string } } | null;
  if (!response.ok || typeof body?.token !== 'string')
    throw new ApiError(
      response.status,
      'dev_token',
      body?.error?.message ?? `This backend gives no dev tokens (HTTP ${response.status}).`,
      false,
      'POST /api/dev/token',
    );
  return body.token;
}
