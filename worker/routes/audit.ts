import type { AuditEntry, AuditPage, AuditVerification } from '../../src/api/schemas';
import { directoryOf, townDoOf } from '../env';
import { found } from '../http/errors';
import { decodeCursor, type QueryParams } from '../http/params';
import type { Router } from '../http/router';
import { auditCursor, type AuditFilter } from '../town/audit';
import { requireTown, type AdminContext } from './context';

function auditFilter(q: QueryParams): AuditFilter {
  return {
    admin: q.text('admin', 200),
    action: q.text('action', 100),
    target: q.text('target', 200),
    from: q.time('from'),
    to: q.time('to'),
    before: decodeCursor('before', q.text('before', 1000), ['string', 'string', 'number']) as AuditFilter['before'],
    limit: q.limit(100, 500),
  };
}

const newestFirst = (a: AuditEntry, b: AuditEntry) =>
  a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.town_id !== b.town_id ? (a.town_id < b.town_id ? 1 : -1) : b.seq - a.seq;

export function auditRoutes(router: Router<AdminContext>): void {
  router
    .get('/towns/:townId/audit', async (ctx, p) => townDoOf(ctx.env, requireTown(ctx, p.townId!)).audit(auditFilter(ctx.query)))
    .get('/towns/:townId/audit/verify', async (ctx, p): Promise<AuditVerification> => {
      const townId = requireTown(ctx, p.townId!);
      return found(await townDoOf(ctx.env, townId).verifyAudit(), 'town', townId);
    })
    .get('/audit', async (ctx): Promise<AuditPage> => {
      const filter = auditFilter(ctx.query);
      const townFilter = ctx.query.uuid('town_id');
      // No fleet-wide table exists (as in production): ask each town for its newest page and merge.
      const known = await directoryOf(ctx.env).townIds();
      const townIds = townFilter ? known.filter((id) => id === townFilter) : known;
      const pages = await Promise.all(townIds.map((id) => townDoOf(ctx.env, id).audit(filter)));
      const merged = pages.flatMap((page) => page.items).sort(newestFirst);
      const items = merged.slice(0, filter.limit);
      const more = merged.length > filter.limit || pages.some((page) => page.next_cursor !== null);
      return {
        items,
        next_cursor: more && items.length ? auditCursor(items.at(-1)!) : null,
        total: pages.reduce((sum, page) => sum + (page.total ?? 0), 0),
      };
    });
}
