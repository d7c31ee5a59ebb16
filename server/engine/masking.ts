/** Parameter fields whose string values are credentials. Not `key`: in an env change that is the variable's name. */
const SECRET_FIELD = /token|secret|password|api_?key/i;

/** What a secret reads as wherever it is shown or recorded. */
export const MASK = '****';

/**
 * Secrets in parameters are masked before they reach the audit log or any response: string fields named
 * like a credential (`token`, `password`, …), and an env change's `value` when the variable is secret
 * (`secret: true`, or one of `secretEnvKeys`, the variables secret before the change). An env var's name
 * (`key`) is never masked: the log must say which variable changed.
 */
export function maskParams(value: unknown, secretEnvKeys: ReadonlySet<string> = new Set(), field = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => maskParams(v, secretEnvKeys, field));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.key === 'string' && 'value' in obj) {
      const secret = obj.secret === true || secretEnvKeys.has(obj.key);
      return Object.fromEntries(
        Object.entries(obj).map(([k, v]) => [
          k,
          k === 'key' ? v : k === 'value' ? (secret && v !== null ? MASK : v) : maskParams(v, secretEnvKeys, k),
        ]),
      );
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, maskParams(v, secretEnvKeys, k)]));
  }
  return typeof value === 'string' && SECRET_FIELD.test(field) ? MASK : value;
}
