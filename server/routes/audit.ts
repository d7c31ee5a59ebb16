import type { AuditPage, AuditRow, AuditVerification, AuditVerificationList } from '../../src/api/schemas';
import type { Host } from '../host';
import { found } from '../http/errors';
import { decodeCursor, uuidParam, type QueryParams } from '../http/params';
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
    limit: q.limit(200, 1000),
  };
}

/** Towns asked concurrently by the cross-town log. */
const FAN_OUT = 16;

const newestFirst = (a: AuditRow, b: AuditRow) =>
  a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.town_id !== b.town_id ? (a.town_id < b.town_id ? 1 : -1) : b.seq - a.seq;

/** A town's chain, walked by the town and compared with the signed head the directory keeps for it. */
async function verifyTown(host: Host, townId: string): Promise<AuditVerification | null> {
  const anchor = await host.objects.directory().auditAnchor(townId);
  return host.objects.town(townId).verifyAudit(anchor);
}

/** A page with each entry's number across all towns, from the one place that hands them out (the directory). */
async function withGlobalSeqs(host: Host, page: AuditPage): Promise<AuditPage> {
  if (!page.items.length) return page;
  const numbers = await host.objects.directory().globalSeqs(page.items.map(({ town_id, seq }) => ({ town_id, seq })));
  return { ...page, items: page.items.map((e, i) => ({ ...e, global_seq: numbers[i] ?? null })) };
}

export function auditRoutes(router: Router<AdminContext>): void {
  router
    .get('/towns/:townId/audit', async (ctx, p) =>
      withGlobalSeqs(ctx.host, await ctx.host.objects.town(requireTown(ctx, p.townId!)).audit(auditFilter(ctx.query))),
    )
    .get('/towns/:townId/recovery', async (ctx, p) => ctx.host.objects.town(requireTown(ctx, p.townId!)).recoveryObservations())
    .get('/towns/:townId/recovery/:auditId', async (ctx, p) => {
      const townId = requireTown(ctx, p.townId!);
      const auditId = uuidParam('auditId', p.auditId!);
      return found(await ctx.host.objects.town(townId).recovery(auditId), 'audit entry', auditId);
    })
    .get('/towns/:townId/audit/verify', async (ctx, p): Promise<AuditVerification> => {
      const townId = requireTown(ctx, p.townId!);
      return found(await verifyTown(ctx.host, townId), 'town', townId);
    })
    .get('/audit/verify', async (ctx): Promise<AuditVerificationList> => {
      // Every town the directory knows, FAN_OUT at a time: each walks its own log against its head.
      const townIds = await ctx.host.objects.directory().townIds();
      const items: AuditVerification[] = [];
      for (let i = 0; i < townIds.length; i += FAN_OUT) {
        const batch = await Promise.all(townIds.slice(i, i + FAN_OUT).map((id) => verifyTown(ctx.host, id)));
        for (const v of batch) if (v) items.push(v);
      }
      return { items };
    })
    .get('/audit', async (ctx): Promise<AuditPage> => {
      const filter = auditFilter(ctx.query);
      const townFilter = ctx.query.uuid('town_id');
      // No fleet-wide table exists (as in production): ask every town the directory knows for its newest
      // page after the cursor and merge. FAN_OUT towns are asked at once and the merge is trimmed to
      // `limit + 1` after each batch, so a request holds at most (FAN_OUT + 1) × (limit + 1) entries
      // however many towns exist; the cost is one small indexed read per town.
      const known = await ctx.host.objects.directory().townIds();
      const townIds = townFilter ? known.filter((id) => id === townFilter) : known;
      let merged: AuditRow[] = [];
      let more = false;
      let total = 0;
      for (let i = 0; i < townIds.length; i += FAN_OUT) {
        const pages = await Promise.all(townIds.slice(i, i + FAN_OUT).map((id) => ctx.host.objects.town(id).audit(filter)));
        for (const page of pages) {
          total += page.total ?? 0;
          more ||= page.next_cursor !== null;
        }
        merged = [...merged, ...pages.flatMap((page) => page.items)].sort(newestFirst);
        if (merged.length > filter.limit) {
          more = true;
          merged.length = filter.limit;
        }
      }
      return withGlobalSeqs(ctx.host, { items: merged, next_cursor: more && merged.length ? auditCursor(merged.at(-1)!) : null, total });
    });
}
