import { type Checked, failed, passed } from '../checked.ts';
import { cssColourNames } from './css-colour-names.ts';

/**
 * Colours given to new teams in turn: distinct hues, each dark enough for white text at WCAG AA
 * (contrast of at least 4.5:1), so badges stay readable on every page and projector.
 */
export const teamPalette = [
  '#1f5fa8',
  '#9c2c2c',
  '#2b6e3f',
  '#6a3d9a',
  '#a34700',
  '#006d77',
  '#8a2466',
  '#4a5a12',
  '#3d4f9f',
  '#7a4a1f',
  '#00677f',
  '#b0264f',
  '#365e6b',
  '#5c3c8c',
  '#7b5e00',
  '#2f6b2f',
] as const;

/** Reads `#rgb`, `#rrggbb` or a CSS colour name into `#rrggbb`; refuses with `invalid_input`. */
export function checkColour(text: string): Checked<string> {
  const key = text.trim().toLowerCase();
  const named = cssColourNames.get(key);
  if (named) return passed(named);
  const short = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(key);
  if (short) return passed(`#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`);
  const long = /^#?([0-9a-f]{6})$/.exec(key);
  if (long) return passed(`#${long[1]}`);
  return failed(
    'invalid_input',
    `"${text.slice(0, 40)}" is not a colour: use a name like teal or a code like #1f5fa8.`,
  );
}

/** WCAG relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

/**
 * The text colour to put on a team's colour: white or black, whichever contrasts more.
 * Every background reaches at least 4.5:1 with one of the two, so any colour a team picks stays
 * readable (WCAG AA).
 */
export function readableTextColour(background: string): '#ffffff' | '#000000' {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}

export function paletteColour(index: number): string {
  return teamPalette[index % teamPalette.length] ?? teamPalette[0];
}
