/**
 * A group's colour and criticalness in both APIs: 1.0 names a colour (guide 5.4: LIGHTBLUE …
 * GREEN, and GRAY in its samples) and an industrial impact (VERY_LOW … VERY_HIGH); 3.0 sends
 * `#rrggbb` and an integer `criticalness`. One group, one table: each API reads its own form.
 *
 * divergence: 3.0 may set a colour or a criticalness 1.0 has no word for (clients POST
 * `#000000` and `criticalness: 0`). The store keeps the 3.0 value as given, so 3.0 reads it back
 * exactly, and 1.0 shows the nearest name (`nearestColorName`) and impact (`impactOf`).
 */
import { z } from 'zod';
import { GROUP_COLORS, INDUSTRIAL_IMPACTS, type GroupColor, type IndustrialImpact } from './vocabulary.js';

export const HexColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .transform((s) => s.toLowerCase());

/**
 * The hex of each 1.0 colour name. LIGHTBLUE is the colour the 3.0 samples give a component
 * without a group (`"color": "#06a2c9"`); the others are the web app's palette as we chose it.
 */
export const COLOR_HEX: Readonly<Record<GroupColor, string>> = {
  LIGHTBLUE: '#06a2c9',
  BLUE: '#1f5fa8',
  PINK: '#e35d9b',
  RED: '#d62b2b',
  ORANGE: '#f08c00',
  YELLOW: '#f2c500',
  GREEN: '#2ea44f',
  GRAY: '#8a8f98',
};

export function colorHexOf(name: GroupColor): string {
  return COLOR_HEX[name];
}

/** Hue in degrees, saturation and lightness in [0, 1] of a #rrggbb colour. */
function hsl(hex: string): { h: number; s: number; l: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { h: h * 60, s, l };
}

/** Below this saturation (or this near black or white) a colour reads as grey. */
const GREY_SATURATION = 0.2;
const CHROMATIC = GROUP_COLORS.filter((c) => c !== 'GRAY').map((name) => ({ name, hue: hsl(COLOR_HEX[name]).h }));

/**
 * The 1.0 name nearest to a #rrggbb colour: GRAY for greys, black and white, otherwise the name
 * of the nearest hue (the first in GROUP_COLORS order on a tie). Each name's own hex maps back to it.
 */
export function nearestColorName(hex: string): GroupColor {
  const { h, s, l } = hsl(hex);
  if (s < GREY_SATURATION || l < 0.08 || l > 0.95) return 'GRAY';
  let best: GroupColor = 'GRAY';
  let bestDistance = Infinity;
  for (const c of CHROMATIC) {
    const d = Math.min(Math.abs(h - c.hue), 360 - Math.abs(h - c.hue));
    if (d < bestDistance) {
      bestDistance = d;
      best = c.name;
    }
  }
  return best;
}

/** 3.0's criticalness of each industrial impact: 1 (VERY_LOW) to 5 (VERY_HIGH). */
export function criticalnessOf(impact: IndustrialImpact): number {
  return INDUSTRIAL_IMPACTS.indexOf(impact) + 1;
}

/** The industrial impact 1.0 shows for a criticalness: below 1 is VERY_LOW, above 5 VERY_HIGH. */
export function impactOf(criticalness: number): IndustrialImpact {
  const i = Math.min(Math.max(Math.round(criticalness), 1), INDUSTRIAL_IMPACTS.length) - 1;
  return INDUSTRIAL_IMPACTS[i] as IndustrialImpact;
}
