import { describe, expect, it } from 'vitest';
import { commandEntries, grammar, helpLine, isCommandWord, usageOf, type VerbSpec } from './grammar.ts';
import { parseCommand } from './parse.ts';

const specs: readonly VerbSpec[] = grammar;

describe('the grammar table', () => {
  it('parses every example back to its own verb, in a private message and in a channel', () => {
    for (const spec of specs) {
      for (const bare of ['personal', 'ignore'] as const) {
        const parsed = parseCommand(spec.example, { bare });
        expect(parsed.kind === 'command' && parsed.command.spec, `${spec.example} (${bare})`).toBe(spec);
      }
    }
  });

  it('names each verb once per scope, aliases included', () => {
    for (const scope of ['team', 'personal', 'organiser'] as const) {
      const words = specs
        .filter((spec) => spec.scope === scope)
        .flatMap((spec) => [spec.name, ...(spec.aliases ?? [])]);
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it('writes usages with the prefix of each scope, optional and repeated arguments marked', () => {
    const usage = (name: string, scope = 'team') =>
      usageOf(specs.find((spec) => spec.name === name && spec.scope === scope) as VerbSpec);
    expect(usage('book')).toBe('#TEAM book ROOM-SLOT');
    expect(usage('subscribe', 'personal')).toBe('+subscribe [PATTERN]');
    expect(usage('add', 'organiser')).toBe('~add TEAM…');
    expect(usage('motd reorder', 'organiser')).toBe('~motd reorder N…');
  });

  it('gives every verb a help line that says who may use it and shows the example', () => {
    const now = specs[0] as VerbSpec;
    expect(helpLine(now)).toBe(
      '#TEAM now TEXT: Say what the team is discussing now; this also empties its “next” list. #team and links in the text are linked on the board. For the team’s moderators and organisers. Example: #nova now Placement cleanup with #cinder',
    );
    expect(commandEntries()).toHaveLength(specs.length);
    expect(
      commandEntries()
        .filter((entry) => entry.confirm)
        .map((entry) => entry.usage),
    ).toEqual(['~del TEAM…', '~newday', '~motd clean']);
  });

  it('reserves the personal verbs, which follow # too, as team names', () => {
    expect(['in', 'out', 'seen', 'subscribe', 'unsubscribe', 'help'].every(isCommandWord)).toBe(true);
    expect(isCommandWord('nova')).toBe(false);
  });
});
