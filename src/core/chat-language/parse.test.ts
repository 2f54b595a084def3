import { describe, expect, it } from 'vitest';
import { type Parsed, parseCommand } from './parse.ts';

const personalBare = { bare: 'personal' } as const;
const channel = { bare: 'ignore' } as const;

/** The parsed command without its grammar entry, to compare whole values. */
function read(text: string, options: { bare: 'personal' | 'ignore' } = personalBare) {
  const parsed = parseCommand(text, options);
  if (parsed.kind !== 'command') return parsed;
  const { spec, ...command } = parsed.command;
  return { kind: parsed.kind, scope: spec.scope, ...command };
}

function hintOf(parsed: Parsed): string {
  if (parsed.kind !== 'hint') throw new Error(`expected a hint, got ${parsed.kind}`);
  return parsed.hint;
}

describe('parseCommand', () => {
  it('reads a team command: the team as typed, the verb and the rest of the line as its text', () => {
    expect(read('#Nova now  Placement   cleanup with #cinder ')).toEqual({
      kind: 'command',
      scope: 'team',
      verb: 'now',
      team: 'Nova',
      args: ['Placement   cleanup with #cinder'],
      confirm: null,
    });
  });

  it('reads verbs in any case and their aliases (clear for clean, colour for color)', () => {
    expect(read('#nova CLEAR')).toMatchObject({ verb: 'clean', team: 'nova', args: [] });
    expect(read('#nova Colour teal')).toMatchObject({ verb: 'color', args: ['teal'] });
  });

  it('keeps a booking reference whole, spaces included, for room names with spaces', () => {
    expect(read('#nova book Ballroom A-mon13')).toMatchObject({ verb: 'book', args: ['Ballroom A-mon13'] });
    expect(read('#nova unbook ballroom a mon13')).toMatchObject({
      verb: 'unbook',
      args: ['ballroom a mon13'],
    });
  });

  it('reads personal commands with +, with # (ptgbot’s #in) and bare in private', () => {
    for (const text of ['+in #nova', '#in #nova', 'in #nova', 'IN #nova']) {
      expect(read(text)).toMatchObject({ scope: 'personal', verb: 'in', args: ['#nova'] });
    }
    expect(read('+seen NiaNova')).toMatchObject({ verb: 'seen', args: ['NiaNova'] });
    expect(read('+subscribe')).toMatchObject({ verb: 'subscribe', args: [] });
    expect(read('subscribe #cinder "live migration"')).toMatchObject({
      verb: 'subscribe',
      args: ['#cinder "live migration"'],
    });
    expect(read('help')).toMatchObject({ verb: 'help', args: [] });
    expect(read('help book')).toMatchObject({ verb: 'help', args: ['book'] });
  });

  it('reads organiser commands, including the two-word ~motd ones and lists of teams or numbers', () => {
    expect(read('~add TestTrack other-team')).toMatchObject({
      scope: 'organiser',
      verb: 'add',
      args: ['TestTrack', 'other-team'],
    });
    expect(read('~clean nova cinder')).toMatchObject({ scope: 'organiser', verb: 'clean' });
    expect(read('~motd add warning Lunch is at noon')).toMatchObject({
      verb: 'motd add',
      args: ['warning', 'Lunch is at noon'],
    });
    expect(read('~MOTD reorder 2 1 3')).toMatchObject({ verb: 'motd reorder', args: ['2', '1', '3'] });
    expect(read('~motd del 2')).toMatchObject({ verb: 'motd del', args: ['2'] });
  });

  it('takes a trailing "confirm CODE" off commands that need confirmation, and only those', () => {
    expect(read('~del nova confirm AB12C')).toMatchObject({ verb: 'del', args: ['nova'], confirm: 'ab12c' });
    expect(read('~newday confirm x1y2z')).toMatchObject({ verb: 'newday', args: [], confirm: 'x1y2z' });
    expect(read('~clean nova confirm x1y2z')).toMatchObject({
      verb: 'clean',
      args: ['nova', 'confirm', 'x1y2z'],
      confirm: null,
    });
  });

  it('hints at "now" when a team command has no verb (ptgbot’s most common mistake)', () => {
    expect(parseCommand('#nova Placement cleanup', personalBare)).toEqual({
      kind: 'hint',
      team: 'nova',
      hint: '"Placement" is not a team command (now, next, clean, etherpad, url, color, location, book, unbook, session, invite, accept, decline, count, summary). To say what nova discusses now, write: #nova now Placement cleanup',
    });
    expect(hintOf(parseCommand('#Nova', personalBare))).toBe(
      'Tell me what to do for #nova, for example: #nova now Placement cleanup. Team commands: now, next, clean, etherpad, url, color, location, book, unbook, session, invite, accept, decline, count, summary.',
    );
  });

  it('hints at the usage when an argument is missing, extra or not a number', () => {
    expect(hintOf(parseCommand('#nova now', personalBare))).toBe(
      '"#nova now" needs TEXT. Usage: #nova now TEXT (for example: #nova now Placement cleanup with #cinder)',
    );
    expect(hintOf(parseCommand('#nova clean please', personalBare))).toBe(
      '"#nova clean" takes nothing after it. Usage: #nova clean (for example: #nova clean)',
    );
    expect(hintOf(parseCommand('#nova url https://a.example https://b.example', personalBare))).toContain(
      '"#nova url" takes one URL|none.',
    );
    expect(hintOf(parseCommand('~motd del two', personalBare))).toBe(
      '"two" is not a number. Usage: ~motd del N (for example: ~motd del 2)',
    );
    expect(hintOf(parseCommand('~motd reorder 1 x', personalBare))).toContain('"x" is not a number.');
    expect(hintOf(parseCommand('+seen', personalBare))).toContain('"+seen" needs NICK.');
    expect(hintOf(parseCommand('~add', personalBare))).toContain('"~add" needs TEAM.');
  });

  it('hints at the right prefix and at the commands there are', () => {
    expect(hintOf(parseCommand('nova now Placement', personalBare))).toBe(
      'Team commands start with #: #nova now Placement',
    );
    expect(hintOf(parseCommand('hello there', personalBare))).toMatch(/^I do not know "hello"\. Send help/);
    expect(hintOf(parseCommand('~motd', personalBare))).toBe(
      'Use one of: ~motd add LEVEL TEXT · ~motd del N · ~motd reorder N… · ~motd clean',
    );
    expect(hintOf(parseCommand('~frobnicate', personalBare))).toMatch(
      /^"~frobnicate" is not an organiser command/,
    );
    expect(hintOf(parseCommand('#!!', personalBare))).toMatch(/is not a team/);
    expect(hintOf(parseCommand('', personalBare))).toMatch(/^Send help/);
  });

  it('leaves ordinary channel talk alone: bare words, "+1", "~5 minutes", "#!"', () => {
    for (const text of ['in the pub later?', 'help', '+1', '~5 minutes', '#!', '', '  ', 'nova now x']) {
      expect(parseCommand(text, channel)).toEqual({ kind: 'ignored' });
    }
  });

  it('still hints in a channel about #team lines, naming the team so a hint about no real team can be dropped', () => {
    expect(parseCommand('#nova is great', channel)).toMatchObject({ kind: 'hint', team: 'nova' });
    expect(parseCommand('#nova now', channel)).toMatchObject({ kind: 'hint', team: 'nova' });
  });

  it('refuses a line longer than any IRC line with a hint, before reading it', () => {
    expect(hintOf(parseCommand(`#nova now ${'x'.repeat(3000)}`, personalBare))).toBe(
      'That is too long for a command: at most 2000 characters.',
    );
  });
});
