import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * WCAG AA for the palette: every pair of tokens the UI puts text on (badge tone on its tint, tone text
 * and muted text and links on each surface) reaches 4.5:1, in the light and the dark theme. Computed
 * from the tokens in styles.css, so a colour edit that drops below AA fails here (green badges were
 * 3.87:1, yellow 4.44:1).
 */
const css = readFileSync(resolve(import.meta.dirname, 'styles.css'), 'utf8');
const THEMES = [
  ['light', 0],
  ['dark', 1],
] as const;

function tokens(): Record<string, [string, string]> {
  const found: Record<string, [string, string]> = {};
  for (const m of css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) found[m[1]!] = [m[2]!, m[3]!];
  return found;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const SURFACES = ['bg', 'surface', 'surface-2'];
const TONES = ['green', 'yellow', 'red', 'blue'];
/** [text, background] pairs the UI draws. */
const PAIRS: [string, string][] = [
  ...TONES.map((t) => [t, `${t}-bg`] as [string, string]), // badges (.badge-*)
  ...TONES.flatMap((t) => SURFACES.map((s) => [t, s] as [string, string])), // tone text (.tone-text-*)
  ...['text', 'muted', 'link'].flatMap((t) => SURFACES.map((s) => [t, s] as [string, string])),
  ['muted', 'red-bg'], // a broken audit row's muted cells
  ['red', 'red-bg'],
  ['text', 'red-bg'],
];

describe('the palette', () => {
  const t = tokens();

  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(THEMES)('reaches 4.5:1 for every text on its background (%s theme)', (_theme, i) => {
    const low = PAIRS.map(([fg, bg]) => {
      expect(t[fg], `--${fg}`).toBeDefined();
      expect(t[bg], `--${bg}`).toBeDefined();
      return { pair: `--${fg} on --${bg}`, ratio: Math.round(contrast(t[fg]![i], t[bg]![i]) * 100) / 100 };
    }).filter((p) => p.ratio < 4.5);
    expect(low).toEqual([]);
  });
});
