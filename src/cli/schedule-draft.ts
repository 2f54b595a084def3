import { parseArgs } from 'node:util';
import { applyScheduleDraft, draftSeconds, makeScheduleDraft } from '../app/schedule-drafts.ts';
import type { DraftCost } from '../core/draft-schedule/draft-instance.ts';
import { readDraftInstance } from '../core/draft-schedule/read-draft-instance.ts';
import { solveDraft } from '../core/draft-schedule/solve-draft.ts';
import { systemActor } from '../core/model/actor.ts';
import { seededRandom } from '../demo/seeded-random.ts';
import type { CliIo, Command } from './command.ts';
import { UsageError } from './command.ts';

/** Seconds a draft of a file may take when `--time-limit` is not given. */
const defaultFileSeconds = 30;

export const scheduleDraft: Command = {
  usage:
    'convene schedule draft (--instance FILE [--json] [--seed N] | EVENT [--keep-current] [--apply]) [--time-limit S]',
  summary: 'draft the schedule of an instance file, or of an event from its sign-ups (and apply it)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        instance: { type: 'string' },
        json: { type: 'boolean', default: false },
        apply: { type: 'boolean', default: false },
        'keep-current': { type: 'boolean', default: false },
        'time-limit': { type: 'string' },
        seed: { type: 'string', default: '1' },
      },
    });
    const seconds = values['time-limit'] === undefined ? null : Number(values['time-limit']);
    if (seconds !== null && !(seconds > 0 && seconds <= 3600))
      throw new UsageError('--time-limit takes a number of seconds from 0 to 3600.');
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError('--seed takes a whole number.');
    if (values.instance !== undefined) {
      if (positionals.length > 0 || values.apply)
        throw new UsageError('An instance file is drafted on its own: give no event and no --apply.');
      return draftFile(io, values.instance, {
        seconds: seconds ?? defaultFileSeconds,
        seed,
        json: values.json,
      });
    }
    const [event, ...rest] = positionals;
    if (!event || rest.length > 0 || values.json)
      throw new UsageError('Give the event’s short name, or --instance FILE (with --json).');
    return draftEvent(io, event, {
      seconds: seconds ?? draftSeconds.default,
      apply: values.apply,
      keep: values['keep-current'],
    });
  },
};

/** Drafts an event's schedule from its sign-ups, tells its cost in words, and applies it when asked. */
async function draftEvent(
  io: CliIo,
  event: string,
  options: { seconds: number; apply: boolean; keep: boolean },
): Promise<number> {
  const runtime = await io.runtime();
  const who = { actor: systemActor, source: 'cli' as const };
  const made = await makeScheduleDraft(runtime, who, event, {
    seconds: options.seconds,
    keepCurrent: options.keep,
  });
  if (!made.ok) {
    io.err(made.refusal.message);
    return 1;
  }
  const { draft, words, current } = made.value;
  io.out(describeCost(draft.cost, draft.bound, draft.seconds));
  io.out(words.summary);
  for (const line of [...words.unmet, ...words.clashes]) io.out(`  ${line}`);
  io.out(
    `Compared with the bookings now (cost ${current.cost.total}): ${current.kept} kept, ${current.added} to make, ${current.released} to release.`,
  );
  if (!options.apply) {
    io.out(`Draft ${made.value.id}; run again with --apply to apply a draft.`);
    return 0;
  }
  const applied = await applyScheduleDraft(runtime, who, event, made.value.id);
  if (!applied.ok) {
    io.err(applied.refusal.message);
    return 1;
  }
  io.out(applied.reply);
  return 0;
}

async function draftFile(
  io: CliIo,
  file: string,
  options: { seconds: number; seed: number; json: boolean },
): Promise<number> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    io.err(`Could not read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 2;
  }
  const instance = readDraftInstance(text);
  if (!instance.ok) {
    io.err(`${file}: ${instance.refusal.message}`);
    return 2;
  }
  const draft = solveDraft(instance.value, {
    timeLimitMs: options.seconds * 1000,
    clock: () => performance.now(),
    random: seededRandom(options.seed),
  });
  if (options.json) {
    const { bookings, cost, bound, seconds } = draft;
    io.out(JSON.stringify({ bookings, cost, bound, seconds }));
  } else {
    io.out(describeCost(draft.cost, draft.bound, draft.seconds));
    for (const booking of draft.bookings) io.out(`${booking.slot}\t${booking.room}\t${booking.team}`);
  }
  return 0;
}

/** One line with the cost by term, the bound and the time. */
export function describeCost(cost: DraftCost, bound: number | null, seconds: number): string {
  return [
    `cost ${cost.total}: ${cost.unmet_hours} unmet hours, clash ${cost.clash}, ${cost.runs} runs, ${cost.room_changes} room changes`,
    bound === null ? 'no lower bound' : `lower bound ${bound}`,
    `${seconds.toFixed(1)} s`,
  ].join('; ');
}
