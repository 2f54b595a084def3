import { grammar, type VerbSpec } from '../../src/core/chat-language/grammar.ts';
import { pick, seededRandom } from '../../src/demo/seeded-random.ts';

const teams = [
  'nova',
  'NOVA',
  'Nova',
  'cinder',
  'tc',
  'pending',
  'glance',
  'TestTrack',
  'in',
  'a',
  'x-y',
  '-bad',
  '9',
];
const rooms = ['bexar', 'austin', 'Ballroom A', 'ballroom a', 'BALLROOM-A', 'kilo', '', 'Ballroom'];
const slots = ['mon13', 'MON14', 'mon15', 'mon16', 'tue13', 'tue14', 'tue15', 'tue16', 'sun13', '13', ''];
const words = [
  'Placement',
  'cleanup',
  'live migration',
  'with #cinder',
  '#nova',
  'https://review.example.org/c/1',
  'javascript:alert(1)',
  'ünïcödé',
  '🙂',
  '"quoted phrase"',
  '/(a+)+$/',
  '/(?<=x)/',
  '((((',
  'x'.repeat(450),
  '\u0002bold\u0002',
  '\u0003colour',
  '\u0000',
  '\u2028',
  '\t',
  'none',
  'auto',
  'teal',
  '#1f5fa8',
  'info',
  'danger',
  'shouting',
  '1',
  '2',
  '0',
  '-1',
  '99999',
  'confirm',
  'abcde',
  'NiaNova',
  'adaattendee',
  'the pub',
];
const junk = ['#', '~', '+', '', ' ', '#!', '~motd', '+1', '~5 minutes', 'hello', '\u0001ACTION\u0001'];

/**
 * A seeded stream of command lines, from well-formed to mangled: every verb of the grammar with
 * arguments drawn from real and unreal teams, rooms, slots, links, patterns and text, then mutated
 * (characters dropped, doubled or swapped, case flipped, prefixes changed, lines cut or glued), with
 * the confirmation lines the bot itself suggested mixed in. The same seed gives the same lines.
 */
export function commandLines(seed: number): { next(lastReply: string | null): string } {
  const random = seededRandom(seed);
  const specs: readonly VerbSpec[] = grammar;
  const chance = (probability: number) => random() < probability;
  const phrase = () =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, words)).join(
      chance(0.8) ? ' ' : '',
    );
  const argument = (name: string): string => {
    switch (name) {
      case 'ROOM-SLOT':
        return `${pick(random, rooms)}${pick(random, ['-', ' ', '', '--'])}${pick(random, slots)}`;
      case 'TEAM':
      case '#TEAM|PLACE':
        return chance(0.5) ? `${chance(0.5) ? '#' : ''}${pick(random, teams)}` : phrase();
      case 'N':
        return String(Math.floor(random() * 6));
      default:
        return phrase();
    }
  };
  const wellFormed = () => {
    const spec = pick(random, specs);
    const prefix =
      spec.scope === 'team'
        ? `#${pick(random, teams)} `
        : spec.scope === 'organiser'
          ? '~'
          : pick(random, ['+', '#', '']);
    const args = spec.args.flatMap((arg) =>
      arg.optional && chance(0.5)
        ? []
        : Array.from(
            { length: arg.kind === 'words' || arg.kind === 'numbers' ? 1 + Math.floor(random() * 3) : 1 },
            () => argument(arg.name),
          ),
    );
    return [`${prefix}${spec.name}`, ...args].join(' ');
  };
  const mutate = (line: string): string => {
    const at = Math.floor(random() * (line.length + 1));
    switch (Math.floor(random() * 8)) {
      case 0:
        return line.slice(0, at) + line.slice(at + 1);
      case 1:
        return line.slice(0, at) + (line[at] ?? '') + line.slice(at);
      case 2:
        return (
          line.slice(0, at) +
          pick(random, ['#', '~', '+', ' ', '\u0000', '"', '/', '-', 'é']) +
          line.slice(at)
        );
      case 3:
        return line.slice(0, at);
      case 4:
        return random() < 0.5 ? line.toUpperCase() : line.toLowerCase();
      case 5:
        return `${pick(random, junk)}${line}`;
      case 6:
        return `${line} ${wellFormed()}`;
      default:
        return line.replace(/^[#~+]?/, pick(random, ['#', '~', '+', '']));
    }
  };
  return {
    next(lastReply) {
      const suggested = lastReply ? /To go ahead, send: (.+)$/.exec(lastReply)?.[1] : undefined;
      if (suggested && chance(0.6)) return suggested;
      if (chance(0.03)) return pick(random, junk);
      let line = wellFormed();
      while (chance(0.35)) line = mutate(line);
      return line;
    },
  };
}
