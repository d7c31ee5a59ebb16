import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAllowedOrigin, parseAllowedOrigins } from './origins';

describe('allowed dashboard origins', () => {
  it('reads a comma or space separated list and normalizes a trailing slash', () => {
    expect(parseAllowedOrigins('https://admin.kilo.ai, http://127.0.0.1:5223/  https://admin.kilo.ai')).toEqual({
      origins: ['https://admin.kilo.ai', 'http://127.0.0.1:5223'],
      rejected: [],
    });
  });

  it.each([
    ['*', 'wildcards'],
    ['https://*.kilo.ai', 'wildcards'],
    ['admin.kilo.ai', 'not a URL origin'],
    ['https://admin.kilo.ai/users', 'no path'],
    ['javascript:alert(1)', 'cannot host'],
  ])('refuses %s', (entry, reason) => {
    const parsed = parseAllowedOrigins(entry);
    expect(parsed.origins).toEqual([]);
    expect(parsed.rejected[0]?.reason).toContain(reason);
  });

  it('is empty (nobody may embed) when unset', () => {
    expect(parseAllowedOrigins(undefined).origins).toEqual([]);
  });

  it('matches origins exactly: scheme, host and port', () => {
    const allowed = ['https://admin.kilo.ai'];
    expect(isAllowedOrigin('https://admin.kilo.ai', allowed)).toBe(true);
    expect(isAllowedOrigin('http://admin.kilo.ai', allowed)).toBe(false);
    expect(isAllowedOrigin('https://admin.kilo.ai:8443', allowed)).toBe(false);
    expect(isAllowedOrigin('https://admin.kilo.ai.evil.example', allowed)).toBe(false);
  });

  it('limits frame-ancestors to the allowed origins, and to none when none is configured', () => {
    expect(contentSecurityPolicy(['https://admin.kilo.ai'])).toContain('frame-ancestors https://admin.kilo.ai;');
    expect(contentSecurityPolicy([])).toContain("frame-ancestors 'none'");
  });
});
