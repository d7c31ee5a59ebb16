/** What a zod schema offers for parsing an untrusted body (kept structural, so no zod import here). */
export interface SafeParser<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * A request body parsed by its schema, or the error `refuse` builds from the first complaint: the field it
 * names (`body` for the whole) and the schema's message. Each caller words its own refusal.
 */
export function parseOr<T>(schema: SafeParser<T>, body: unknown, refuse: (field: string, message: string) => Error): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw refuse(issue.path.map(String).join('.') || 'body', issue.message);
}
