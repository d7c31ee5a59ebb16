import { z } from 'zod';

/**
 * The postMessage protocol between the admin dashboard (host) and the panel in its iframe.
 * Every message carries the protocol name and version; a message of another version is refused,
 * so host and panel can be deployed independently and a mismatch is loud, not silently wrong.
 */
export const EMBED_PROTOCOL = 'gastown-admin';
export const EMBED_PROTOCOL_VERSION = 1;

const envelope = { protocol: z.literal(EMBED_PROTOCOL), version: z.literal(EMBED_PROTOCOL_VERSION) };

/** An in-app path (the deep-link contract): starts with one `/`, never a URL or `//host`. */
export const InnerPath = z
  .string()
  .max(2048)
  .regex(/^\/(?![/\\])[^\s]*$/, 'must be an in-app path such as /towns/<id>/state');

export const Theme = z.enum(['light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** The dashboard's signed-in admin, as the dashboard knows them (the API decides what they may see). */
export const HostUser = z.object({
  id: z.string().min(1).max(200),
  email: z.string().max(320).optional(),
  name: z.string().max(200).optional(),
});
export type HostUser = z.infer<typeof HostUser>;

/** Host → panel. */
export const HostMessage = z.discriminatedUnion('type', [
  z.object({
    ...envelope,
    type: z.literal('session'),
    token: z.string().min(1).max(8192),
    user: HostUser,
    /** Echoes a panel `token-request`, when this session answers one. */
    requestId: z.string().max(100).optional(),
  }),
  z.object({ ...envelope, type: z.literal('theme'), theme: Theme }),
  z.object({ ...envelope, type: z.literal('navigate'), path: InnerPath }),
  /** The part of the frame the admin can see (frame coordinates, CSS px): dialogs open there, not mid-frame. */
  z.object({
    ...envelope,
    type: z.literal('viewport'),
    top: z.number().finite().min(0).max(1e6),
    height: z.number().finite().min(1).max(1e5),
  }),
]);
export type HostMessage = z.infer<typeof HostMessage>;

/** Panel → host. */
export type PanelMessage = { protocol: typeof EMBED_PROTOCOL; version: typeof EMBED_PROTOCOL_VERSION } & (
  | { type: 'ready'; path: string }
  | { type: 'route'; path: string }
  | { type: 'height'; height: number }
  | { type: 'token-request'; requestId: string; reason: 'unauthorized' | 'missing' }
);

type Distribute<T> = T extends unknown ? Omit<T, 'protocol' | 'version'> : never;
export type PanelMessageBody = Distribute<PanelMessage>;

export function toPanelMessage(body: PanelMessageBody): PanelMessage {
  return { protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION, ...body } as PanelMessage;
}

export type ParsedHostMessage = { ok: true; message: HostMessage } | { ok: false; reason: string };

/** Validates what arrived in a `message` event; the reason says why anything else was refused. */
export function parseHostMessage(data: unknown): ParsedHostMessage {
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'not an object' };
  const candidate = data as { protocol?: unknown; version?: unknown };
  if (candidate.protocol !== EMBED_PROTOCOL) return { ok: false, reason: 'not a gastown-admin message' };
  if (candidate.version !== EMBED_PROTOCOL_VERSION) {
    return {
      ok: false,
      reason: `protocol version ${String(candidate.version)} is not supported (this panel speaks ${EMBED_PROTOCOL_VERSION})`,
    };
  }
  const parsed = HostMessage.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid message: ${issue ? `${issue.path.join('.') || 'message'} ${issue.message}` : 'unknown shape'}` };
  }
  return { ok: true, message: parsed.data };
}
