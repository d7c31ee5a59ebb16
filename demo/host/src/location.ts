/**
 * The demo dashboard's URLs. The panel's deep link continues the host's path, so the address bar
 * always names the inner view and a reload restores it:
 *   /admin/users/:userId/gastown/<inner path>      the panel in an iframe
 *   /admin/users/:userId/gastown-mf/<inner path>   the panel mounted by module federation
 */
export type EmbedMode = 'iframe' | 'federation';

export interface HostLocation {
  userId: string;
  mode: EmbedMode;
  /** The panel's in-app path (with query string), e.g. `/towns/<id>/state`. */
  inner: string;
}

const SEGMENT: Record<EmbedMode, string> = { iframe: 'gastown', federation: 'gastown-mf' };

export const DEFAULT_USER_ID = 'usr_2b7f1c9e4a';

export function basePath(userId: string, mode: EmbedMode): string {
  return `/admin/users/${encodeURIComponent(userId)}/${SEGMENT[mode]}`;
}

export function hostUrl({ userId, mode, inner }: HostLocation): string {
  return `${basePath(userId, mode)}${inner}`;
}

export function parseHostLocation(loc: Pick<Location, 'pathname' | 'search' | 'hash'>): HostLocation {
  const match = /^\/admin\/users\/([^/]+)(?:\/(gastown|gastown-mf)(\/.*)?)?\/?$/.exec(loc.pathname);
  const userId = match ? decodeURIComponent(match[1]!) : DEFAULT_USER_ID;
  const mode: EmbedMode = match?.[2] === 'gastown-mf' ? 'federation' : 'iframe';
  const rest = match?.[3];
  const inner = rest ? `${rest}${loc.search}${loc.hash}` : `/users/${encodeURIComponent(userId)}`;
  return { userId, mode, inner };
}
