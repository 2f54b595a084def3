import { describe, expect, it } from 'vitest';
import { maxLineBytes, splitReply } from './split-reply.ts';

describe('splitReply', () => {
  it('keeps a short reply as one line and each line of a longer one as its own message', () => {
    expect(splitReply('nova now: Placement')).toEqual(['nova now: Placement']);
    expect(splitReply('one\ntwo\r\n\nthree')).toEqual(['one', 'two', 'three']);
  });

  it('removes control characters, so user text cannot colour, bold or inject a command', () => {
    expect(splitReply('\u0002bold\u0002 \u00034,5red\u0003 \u0001ACTION x\u0001\u0000')).toEqual([
      'bold 4,5red ACTION x',
    ]);
  });

  it('cuts long lines between words within the byte limit, counting UTF-8 bytes', () => {
    const words = Array.from({ length: 120 }, (_, index) => `wörd${index}`).join(' ');
    const lines = splitReply(words);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(maxLineBytes);
    expect(lines.join(' ')).toBe(words);
    const unbroken = splitReply('é'.repeat(1000));
    for (const line of unbroken) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(maxLineBytes);
    expect(unbroken.join('')).toBe('é'.repeat(1000));
  });

  it('cuts a reply past the line limit and says so', () => {
    const lines = splitReply(Array.from({ length: 20 }, (_, index) => `line ${index}`).join('\n'), 3);
    expect(lines).toEqual(['line 0', 'line 1', 'line 2 … (cut; ask for less)']);
  });
});
