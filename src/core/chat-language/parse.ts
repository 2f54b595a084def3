import { isValidSlug } from '../text/slugify.ts';
import {
  type ArgSpec,
  findVerb,
  isCommandWord,
  type Scope,
  usageOf,
  type VerbName,
  type VerbSpec,
  verbsOf,
} from './grammar.ts';

/** A line read as a command: the verb from the grammar, the team for `#TEAM …`, and the arguments. */
export interface Command {
  readonly verb: VerbName;
  readonly spec: VerbSpec;
  /** the team as typed after `#`, for team commands */
  readonly team: string | null;
  /** one entry per `word`, `number` and `text` argument; one per word of `words` and `numbers` */
  readonly args: readonly string[];
  /** the code after `confirm` on a command that needs one */
  readonly confirm: string | null;
}

/**
 * `command`: a command to run; `hint`: the line was meant as a command but cannot be one, and the
 * hint says how to write it; `ignored`: not a command at all (ordinary chat in a channel).
 */
export type Parsed =
  | { readonly kind: 'command'; readonly command: Command }
  | {
      readonly kind: 'hint';
      readonly hint: string;
      /** the team a `#team …` line named: in a channel, a hint about no real team is left unsaid */
      readonly team: string | null;
    }
  | { readonly kind: 'ignored' };

export interface ParseOptions {
  /**
   * What a line without `#`, `+` or `~` is: a personal command (private messages, the web box, the
   * API) or ordinary talk to ignore (a channel).
   */
  readonly bare: 'personal' | 'ignore';
}

/** Longer lines are refused before any work: no IRC line is this long. */
export const maxCommandLength = 2000;

/**
 * Reads one line of the command language. Never throws, whatever the input; the work is linear in
 * the length of the line.
 */
export function parseCommand(text: string, options: ParseOptions): Parsed {
  if (text.length > maxCommandLength) {
    return hint(`That is too long for a command: at most ${maxCommandLength} characters.`);
  }
  const line = text.trim();
  const first = firstWord(line);
  if (!first) return options.bare === 'ignore' ? ignored : hint(generalHint);
  const rest = line.slice(first.length);
  if (first.startsWith('~')) return parseOrganiser(first.slice(1), rest, options);
  if (first.startsWith('+')) return parsePersonal(first.slice(1), rest, options);
  if (first.startsWith('#')) {
    const word = first.slice(1);
    if (isCommandWord(word.toLowerCase())) return parsePersonal(word, rest, options);
    return parseTeam(word, rest, options);
  }
  if (options.bare === 'ignore') return ignored;
  return parsePersonal(first, rest, options);
}

const ignored: Parsed = { kind: 'ignored' };

const generalHint =
  'Send help for the list of commands. Team commands start with #team (#nova now TEXT), personal ones with + (+in #nova), organiser ones with ~ (~list).';

function hint(text: string, team: string | null = null): Parsed {
  return { kind: 'hint', hint: text, team };
}

function parseTeam(team: string, rest: string, options: ParseOptions): Parsed {
  const slug = team.toLowerCase();
  if (!isValidSlug(slug)) {
    if (options.bare === 'ignore') return ignored;
    return hint(
      `"#${clip(team, 30)}" is not a team: team names after # are letters, digits and hyphens, like #nova.`,
    );
  }
  const verbWord = firstWord(rest);
  const verbs = verbsOf('team')
    .map((spec) => spec.name)
    .join(', ');
  if (!verbWord) {
    return hint(
      `Tell me what to do for #${slug}, for example: #${slug} now Placement cleanup. Team commands: ${verbs}.`,
      slug,
    );
  }
  const spec = findVerb('team', verbWord);
  if (!spec) {
    return hint(
      `"${clip(verbWord, 30)}" is not a team command (${verbs}). To say what ${slug} discusses now, write: #${slug} now ${clip(rest.trim(), 200)}`,
      slug,
    );
  }
  return readArgs(spec, rest.slice(rest.indexOf(verbWord) + verbWord.length), team);
}

function parseOrganiser(word: string, rest: string, options: ParseOptions): Parsed {
  const key = word.toLowerCase();
  const verbs = [...new Set(verbsOf('organiser').map((spec) => spec.name.split(' ')[0]))].join(', ');
  if (!key) {
    return options.bare === 'ignore'
      ? ignored
      : hint(`Organiser commands: ${verbs}. Send help COMMAND for one.`);
  }
  const second = firstWord(rest);
  const twoWords = second ? findVerb('organiser', `${key} ${second.toLowerCase()}`) : undefined;
  if (twoWords && second) return readArgs(twoWords, rest.slice(rest.indexOf(second) + second.length), null);
  const spec = findVerb('organiser', key);
  if (spec) return readArgs(spec, rest, null);
  const family = verbsOf('organiser').filter((candidate) => candidate.name.startsWith(`${key} `));
  if (family.length > 0) {
    return hint(`Use one of: ${family.map((candidate) => usageOf(candidate)).join(' · ')}`);
  }
  // "~5 minutes" in a channel is talk, not a mistyped command.
  if (options.bare === 'ignore') return ignored;
  return hint(`"~${clip(word, 30)}" is not an organiser command (${verbs}).`);
}

function parsePersonal(word: string, rest: string, options: ParseOptions): Parsed {
  const spec = findVerb('personal', word);
  if (spec) return readArgs(spec, rest, null);
  // "+1" in a channel is talk, not a mistyped command.
  if (options.bare === 'ignore') return ignored;
  const second = firstWord(rest);
  if (second && findVerb('team', second) && isValidSlug(word.toLowerCase())) {
    return hint(`Team commands start with #: #${word.toLowerCase()}${clip(rest, 200)}`);
  }
  if (!word) return hint(generalHint);
  return hint(`I do not know "${clip(word, 30)}". ${generalHint}`);
}

/** Splits the rest of the line by the verb's argument list; every mistake becomes a hint. */
function readArgs(spec: VerbSpec, rest: string, team: string | null): Parsed {
  const slug = team?.toLowerCase() ?? null;
  const usage = usageOf(spec, slug ?? 'TEAM');
  const typed = slug ? `#${slug} ${spec.name}` : `${prefixOf(spec.scope)}${spec.name}`;
  const fix = (problem: string) => hint(`${problem} Usage: ${usage} (for example: ${spec.example})`, slug);
  let remaining = rest;
  let confirm: string | null = null;
  if (spec.confirm) {
    const match = /\s+confirm\s+([a-z0-9]{4,8})\s*$/i.exec(` ${remaining}`);
    if (match?.[1]) {
      confirm = match[1].toLowerCase();
      remaining = ` ${remaining}`.slice(0, match.index);
    }
  }
  const args: string[] = [];
  for (const arg of spec.args) {
    const read = readArg(arg, remaining);
    if (!read.ok) {
      if (arg.optional) break;
      return fix(read.problem ?? `"${typed}" needs ${arg.name}.`);
    }
    args.push(...read.values);
    remaining = read.rest;
  }
  if (remaining.trim()) {
    const last = spec.args.at(-1);
    return fix(
      last && (last.kind === 'word' || last.kind === 'number')
        ? `"${typed}" takes one ${last.name}.`
        : `"${typed}" takes nothing after it.`,
    );
  }
  return { kind: 'command', command: { verb: spec.name as VerbName, spec, team, args, confirm } };
}

type ArgRead =
  | { readonly ok: true; readonly values: string[]; readonly rest: string }
  | { readonly ok: false; readonly problem: string | null };

/** Reads one argument; a `null` problem means it is missing. */
function readArg(arg: ArgSpec, text: string): ArgRead {
  const missing: ArgRead = { ok: false, problem: null };
  switch (arg.kind) {
    case 'text': {
      const value = text.trim();
      return value ? { ok: true, values: [value], rest: '' } : missing;
    }
    case 'word':
    case 'number': {
      const word = firstWord(text);
      if (!word) return missing;
      if (arg.kind === 'number' && !isPosition(word))
        return { ok: false, problem: `"${clip(word, 20)}" is not a number.` };
      return { ok: true, values: [word], rest: text.slice(text.indexOf(word) + word.length) };
    }
    case 'words':
    case 'numbers': {
      const words = text.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) return missing;
      if (words.length > 50) return { ok: false, problem: `That is too many: at most 50 at a time.` };
      const bad = arg.kind === 'numbers' ? words.find((word) => !isPosition(word)) : undefined;
      if (bad !== undefined) return { ok: false, problem: `"${clip(bad, 20)}" is not a number.` };
      return { ok: true, values: words, rest: '' };
    }
  }
}

function isPosition(word: string): boolean {
  return /^[1-9]\d{0,3}$/.test(word);
}

function prefixOf(scope: Scope): string {
  return scope === 'organiser' ? '~' : scope === 'personal' ? '+' : '#';
}

function firstWord(text: string): string {
  return /^\s*(\S+)/.exec(text)?.[1] ?? '';
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
