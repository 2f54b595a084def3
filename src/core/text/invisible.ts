/**
 * Characters people cannot see. Bidi controls (embeddings, overrides, isolates) reorder the text
 * after them, so `Placement \u202emoc.live//:sptth` shows as a different link; the others have no
 * glyph at all (zero-width spaces, joiners, fillers), so a name made of them looks empty.
 */

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * No glyph: Unicode's default-ignorable code points (soft hyphen, zero-width spaces and joiners,
 * direction marks, word joiner, Hangul fillers, variation selectors, byte-order mark, tags…).
 */
const invisible = /\p{Default_Ignorable_Code_Point}/gu;

/** The first bidi control in the text, as `U+202E`, or null when there is none. */
export function findBidiControl(text: string): string | null {
  const found = bidiControl.exec(text)?.[0];
  return found === undefined ? null : `U+${found.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** True when nothing visible is left once invisible characters and spaces are taken out. */
export function looksEmpty(text: string): boolean {
  return text.replace(invisible, '').trim() === '';
}
