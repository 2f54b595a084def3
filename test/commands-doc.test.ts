import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandsDoc } from '../scripts/commands-doc.ts';
import { grammar } from '../src/core/chat-language/grammar.ts';

describe('docs/commands.md', () => {
  it('is what the grammar table says (run npm run docs:commands after changing it)', () => {
    expect(readFileSync(new URL('../docs/commands.md', import.meta.url), 'utf8')).toBe(commandsDoc());
  });

  it('lists every command with its example', () => {
    const doc = commandsDoc();
    for (const spec of grammar) expect(doc).toContain(`Example: \`${spec.example}\``);
  });
});
