/**
 * Characters people cannot see. Bidi controls (embeddings, overrides, isolates) reorder the text
 * after them, so `Placement \u202emoc.live//:sptth` shows as a different link; the others have no
 * glyph at all (zero-width spaces, joiners, fillers), so a name made of them looks empty.
 */

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * No glyph: soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer
 * vowels inherent, Mongolian selectors, zero-width space/joiners and direction marks, word joiner
 * and invisible operators, deprecated format characters, variation selectors, byte-order mark,
 * and tag characters (U+E0000–U+E007F).
 */
const invisible =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2060-\u2064\u206A-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDC7F]/g;

/** The first bidi control in the text, as `U+202E`, or null when there is none. */
export function findBidiControl(text: string): string | null {
  const found = bidiControl.exec(text)?.[0];
  return found === undefined ? null : `U+${found.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** True when nothing visible is left once invisible characters and spaces are taken out. */
export function looksEmpty(text: string): boolean {
  return text.replace(invisible, '').trim() === '';
}
