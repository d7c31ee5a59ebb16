import { z } from 'zod';

/**
 * A value of an open vocabulary: one of the words this panel knows, or any other string. Production
 * grows its vocabularies without versioning them (`in_review` arrived in March 2026, old towns have
 * the role `witness`), so a word the panel has never seen is data to show, not a parse failure.
 */
export type Open<T extends string> = T | (string & {});

/**
 * A tolerant enum: accepts any string and types it as `Open<known>`. The known words stay available
 * as `known.options` (for filters, colour tables and `isKnown`); what the panel does with a word it
 * does not know is the view's decision (a neutral badge saying so, see `components/known-value.tsx`).
 */
export function openEnum<T extends string>(known: { readonly options: readonly T[] }) {
  return z.string().meta({ description: `one of ${known.options.join(', ')}, or a newer word` }) as unknown as z.ZodType<Open<T>, string>;
}

/** Whether `value` is one of the known words of `known` (narrows an open value back to the enum). */
export function isKnown<T extends string>(known: { options: readonly T[] }, value: string): value is T {
  return (known.options as readonly string[]).includes(value);
}

/**
 * A row's optimistic-concurrency version. Production's tables carry none, so a read without one parses
 * (as null) and an intervention on that target is guarded by the server's own row tag instead: the dry
 * run answers `target_tag`, and the confirmed action sends it as If-Match (docs/admin-api.md).
 */
export const RowVersion = z.number().int().positive().nullable().default(null);
