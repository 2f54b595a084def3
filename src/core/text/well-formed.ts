/**
 * Text that is Unicode at all: UTF-8 that decodes without errors, and strings without lone UTF-16
 * surrogates (which JSON's `\ud800` escapes can produce). Such text cannot be stored, encoded into a
 * header or a URL, or shown faithfully, so every adapter refuses it before anything else.
 */

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string holds a lone surrogate, which no UTF-8 text can encode. */
export function hasLoneSurrogate(text: string): boolean {
  return loneSurrogate.test(text);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The text these bytes encode, or null when they are not valid UTF-8 (`\xff\xfe`, overlong forms…). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Where in a parsed value (JSON, a form) the first string or key with a lone surrogate sits, as a
 * path (`teams[2].name`, or `` for the value itself); null when every string is well formed.
 */
export function findLoneSurrogate(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findLoneSurrogate(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const where = path ? `${path}.${key}` : key;
      if (hasLoneSurrogate(key)) return where;
      const found = findLoneSurrogate(item, where);
      if (found !== null) return found;
    }
  }
  return null;
}
