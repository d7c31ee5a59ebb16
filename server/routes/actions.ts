import { HttpError, json } from '../http/errors';
import type { Router } from '../http/router';
import { requireTown, type AdminContext } from './context';

/** Larger bodies are refused before parsing; the biggest legitimate one (50 env changes) is far smaller. */
const MAX_BODY_BYTES = 256 * 1024;
const MAX_KEY_LENGTH = 255;

/**
 * `POST /towns/:townId/actions/:action`: every intervention. Authentication and the admin check ran
 * before routing (admin.ts), so a non-admin never reaches this. The TownDO runs the shared engine,
 * the audit append and the idempotency record in one transaction and tells us what to answer.
 */
export function actionRoutes(router: Router<AdminContext>): void {
  router.post('/towns/:townId/actions/:action', async (ctx, p) => {
    const townId = requireTown(ctx, p.townId!);
    const key = ctx.request.headers.get('idempotency-key');
    if (!key)
      throw new HttpError(400, 'bad_request', 'Idempotency-Key header is required for an intervention.', { parameter: 'Idempotency-Key' });
    if (key.length > MAX_KEY_LENGTH)
      throw new HttpError(400, 'bad_request', `Idempotency-Key: at most ${MAX_KEY_LENGTH} characters.`, { parameter: 'Idempotency-Key' });
    const body = await readJson(ctx.request);
    // The directory, not the town, knows which integrations the owner installed: the engine checks a re-link against them.
    const integrations =
      p.action === 'credential.relink_integration' && ctx.townOwner ? await ctx.host.objects.directory().integrationsOf(ctx.townOwner) : [];
    const outcome = await ctx.host.objects.town(townId).act({
      action: p.action!,
      body,
      ifMatch: ctx.request.headers.get('if-match'),
      idempotencyKey: key,
      admin: ctx.admin,
      integrations,
    });
    // The user's GastownUserDO keeps its own copy of the rigs (the user's rig list reads it): the town
    // queued what the action changed in its outbox, in the action's transaction, and delivers it.
    return json(outcome.body, outcome.status);
  });
}

export async function readJson(request: Request): Promise<unknown> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES)
    throw new HttpError(413, 'payload_too_large', `The request body is over ${MAX_BODY_BYTES / 1024} KB.`, { parameter: 'body' });
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES)
    throw new HttpError(413, 'payload_too_large', `The request body is over ${MAX_BODY_BYTES / 1024} KB.`, { parameter: 'body' });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'bad_request', 'The request body is not JSON.', { parameter: 'body' });
  }
}
