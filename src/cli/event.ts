import { parseArgs } from 'node:util';
import { startDraftEvent } from '../app/events.ts';
import { systemActor } from '../core/model/actor.ts';
import { type EventMode, eventModes } from '../core/model/event.ts';
import { count } from '../core/text/count.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

const asCli = { actor: systemActor, source: 'cli' } as const;

export const eventCreate: Command = {
  usage:
    'convene event create SLUG --title T --from YYYY-MM-DD --to YYYY-MM-DD --tz ZONE [--window "NAME HH:MM-HH:MM"]… [--room NAME]… [--copy-from EVENT [--invite-teams]]',
  summary:
    'start a draft event (windows in --tz; also --slot-minutes, --mode, --per-day-hours, --total-hours), or copy EVENT to --from (--invite-teams: its approved teams are invited to sign up again); prints the slug last',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        tz: { type: 'string' },
        window: { type: 'string', multiple: true },
        room: { type: 'string', multiple: true },
        'copy-from': { type: 'string' },
        'invite-teams': { type: 'boolean' },
        'slot-minutes': { type: 'string' },
        mode: { type: 'string' },
        'per-day-hours': { type: 'string' },
        'total-hours': { type: 'string' },
      },
    });
    const [slug, ...rest] = positionals;
    if (!slug || rest.length > 0) throw new UsageError('Give the new event’s short name.');
    if (!values.from) throw new UsageError('Give the first day with --from YYYY-MM-DD.');
    const copyFrom = values['copy-from'];
    if (values['invite-teams'] && !copyFrom)
      throw new UsageError('--invite-teams invites the teams of the event given with --copy-from.');
    const started = await startDraftEvent(
      await io.runtime(),
      asCli,
      copyFrom
        ? { copyFrom, slug, startsOn: values.from, title: values.title, inviteTeams: values['invite-teams'] }
        : {
            slug,
            title: values.title ?? '',
            startsOn: values.from,
            endsOn: values.to ?? '',
            timeZone: values.tz ?? 'UTC',
            mode: modeOf(values.mode),
            slotMinutes: numberOf(values['slot-minutes'], '--slot-minutes'),
            windows: (values.window ?? []).map(windowOf),
            rooms: values.room ?? [],
            caps: {
              perDayHours: numberOf(values['per-day-hours'], '--per-day-hours') ?? null,
              totalHours: numberOf(values['total-hours'], '--total-hours') ?? null,
            },
          },
    );
    if (!started.ok) {
      io.err(started.refusal.message);
      return 1;
    }
    const { event, invitedTeams } = started.value;
    if (values['invite-teams'])
      io.out(
        `Invited ${count(invitedTeams, 'team')} of ${copyFrom} to sign up again; e-mail them once it is published.`,
      );
    io.out(
      `Created ${event.title} (${event.startsOn} to ${event.endsOn}) as a draft: only organisers see it until`,
    );
    io.out(`"convene event publish ${event.slug}". Fill it in at /events/${event.slug}/organise.`);
    io.out(event.slug);
    return 0;
  },
};

function statusCommand(status: 'published' | 'archived', verb: string, summary: string): Command {
  return {
    usage: `convene event ${verb} EVENT`,
    summary,
    async run(args, io) {
      const [event, ...rest] = args;
      if (!event || rest.length > 0) throw new UsageError('Give the event’s short name.');
      const outcome = await (await io.runtime()).ops.setEventStatus(event, asCli, { status });
      if (!outcome.ok) {
        io.err(outcome.refusal.message);
        return 1;
      }
      io.out(outcome.reply);
      return 0;
    },
  };
}

export const eventPublish = statusCommand('published', 'publish', 'make a draft (or an archive) public');
export const eventArchive = statusCommand(
  'archived',
  'archive',
  'keep the event as a read-only record: sign-up, registration, booking, topics, check-ins and subscriptions close',
);

/** `NAME HH:MM-HH:MM`: the name is everything before the last space. */
function windowOf(text: string): { name: string; start: string; end: string } {
  const match = /^(.+)\s+(\S+)-(\S+)$/.exec(text.trim());
  if (!match)
    throw new UsageError(`--window "${text.slice(0, 60)}" should look like "Americas / Europe 13:00-17:00".`);
  return { name: match[1] as string, start: match[2] as string, end: match[3] as string };
}

function numberOf(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${option} takes a number.`);
  return value;
}

function modeOf(text: string | undefined): EventMode | undefined {
  if (text === undefined) return undefined;
  const mode = eventModes.find((known) => known === text);
  if (!mode) throw new UsageError(`--mode is one of ${eventModes.join(', ')}.`);
  return mode;
}
