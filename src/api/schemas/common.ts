import { z } from 'zod';

/** UUID v4 as used for towns, rigs, beads, agents and bead events. */
export const Id = z.uuid();
/** ISO-8601 timestamp with milliseconds, e.g. 2026-11-24T09:12:33.120Z. */
export const Timestamp = z.iso.datetime({ offset: true });
export const JsonRecord = z.record(z.string(), z.unknown());

/** Every error body of the admin API: `{ error: { code, message, details? } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: JsonRecord.optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A cursor page. `next_cursor` is null on the last page; `total` is the size of the whole list when known. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    next_cursor: z.string().nullable(),
    total: z.number().int().nonnegative().nullable(),
  });
}
