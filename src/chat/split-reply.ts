/** Room left for the text of one message once the server adds our prefix and the target. */
export const maxLineBytes = 400;
/** A reply longer than this many lines is cut, so one command cannot flood the channel. */
export const maxReplyLines = 6;

/**
 * A reply as IRC lines: control characters (colours, bold, CTCP, line breaks inside a line) are
 * removed so user text cannot format or inject; lines longer than `maxLineBytes` in UTF-8 are cut
 * between words; past `maxLines`, the rest is dropped and the last line says so.
 */
export function splitReply(text: string, maxLines = maxReplyLines): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    const clean = paragraph.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    if (clean) lines.push(...wrap(clean));
  }
  if (lines.length <= maxLines) return lines;
  return [
    ...lines.slice(0, maxLines - 1),
    `${truncate(lines[maxLines - 1] ?? '', maxLineBytes - 40)} … (cut; ask for less)`,
  ];
}

function wrap(text: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (byteLength(candidate) <= maxLineBytes) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    line = word;
    while (byteLength(line) > maxLineBytes) {
      const head = truncate(line, maxLineBytes);
      out.push(head);
      line = line.slice(head.length);
    }
  }
  if (line) out.push(line);
  return out;
}

/** The longest start of `text` that fits in `bytes` UTF-8 bytes, without splitting a character. */
function truncate(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > bytes) break;
    used += size;
    end += char.length;
  }
  return text.slice(0, end);
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
