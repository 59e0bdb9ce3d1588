import { describe, expect, it } from 'vitest';
import { COLOR_HEX, HexColorSchema, colorHexOf, criticalnessOf, impactOf, nearestColorName } from '../../src/domain/group-appearance.js';
import { GROUP_COLORS, INDUSTRIAL_IMPACTS } from '../../src/domain/vocabulary.js';

describe('colorHexOf', () => {
  it.each(Object.entries(COLOR_HEX))('%s is %s', (name, hex) => {
    expect(colorHexOf(name as keyof typeof COLOR_HEX)).toBe(hex);
  });

  it('gives every 1.0 colour its own hex', () => {
    expect(new Set(GROUP_COLORS.map(colorHexOf)).size).toBe(GROUP_COLORS.length);
  });
});

describe('nearestColorName', () => {
  it.each(GROUP_COLORS)('maps the hex of %s back to it', (name) => {
    expect(nearestColorName(colorHexOf(name))).toBe(name);
  });

  it.each([
    ['#000000', 'GRAY'],
    ['#ffffff', 'GRAY'],
    ['#808080', 'GRAY'],
    ['#ff0000', 'RED'],
    ['#8b0000', 'RED'],
    ['#0000ff', 'BLUE'],
    ['#000080', 'BLUE'],
    ['#00bfff', 'LIGHTBLUE'],
    ['#00ffff', 'LIGHTBLUE'],
    ['#ff69b4', 'PINK'],
    ['#800080', 'PINK'],
    ['#ffa500', 'ORANGE'],
    ['#8b4513', 'ORANGE'],
    ['#ffff00', 'YELLOW'],
    ['#008000', 'GREEN'],
    ['#32cd32', 'GREEN'],
    ['#06A2C9', 'LIGHTBLUE'],
  ])('names %s %s', (hex, name) => {
    expect(nearestColorName(hex)).toBe(name);
  });
});

describe('HexColorSchema', () => {
  it('takes #rrggbb in any case and keeps it lower case', () => {
    expect(HexColorSchema.parse('#06A2C9')).toBe('#06a2c9');
  });

  it.each(['06a2c9', '#06a2c', '#06a2c9ff', 'red', '#gg0000'])('refuses %s', (text) => {
    expect(HexColorSchema.safeParse(text).success).toBe(false);
  });
});

describe('criticalnessOf and impactOf', () => {
  it.each([
    ['VERY_LOW', 1],
    ['LOW', 2],
    ['MEDIUM', 3],
    ['HIGH', 4],
    ['VERY_HIGH', 5],
  ] as const)('%s is criticalness %s, and back', (impact, criticalness) => {
    expect(criticalnessOf(impact)).toBe(criticalness);
    expect(impactOf(criticalness)).toBe(impact);
  });

  it.each([
    [0, 'VERY_LOW'],
    [-3, 'VERY_LOW'],
    [6, 'VERY_HIGH'],
    [10, 'VERY_HIGH'],
  ] as const)('shows criticalness %s, which 1.0 has no word for, as %s', (criticalness, impact) => {
    expect(impactOf(criticalness)).toBe(impact);
  });

  it('covers every industrial impact', () => {
    expect(INDUSTRIAL_IMPACTS.map(criticalnessOf)).toEqual([1, 2, 3, 4, 5]);
  });
});
