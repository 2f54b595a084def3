import { parseArgs } from 'node:util';
import { contextOf } from '../app/context-of.ts';
import { addPreparedEvent } from '../app/events.ts';
import { systemActor } from '../core/model/actor.ts';
import { type EventMode, eventModes } from '../core/model/event.ts';
import { planPtgbotImport } from '../exporters/ptgbot-import.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

export const importPtgbot: Command = {
  usage: 'convene import --ptgbot FILE --event SLUG --start YYYY-MM-DD --tz ZONE',
  summary:
    'a new event from a ptgbot database, after printing what it creates (--dry-run: only print; also --title, --mode)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        event: { type: 'string' },
        start: { type: 'string' },
        tz: { type: 'string' },
        title: { type: 'string' },
        mode: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new UsageError('Give one ptgbot file (its ptg.json or base.json).');
    if (!values.event || !values.start || !values.tz)
      throw new UsageError(
        'Give the new event’s short name (--event), its first day (--start) and time zone (--tz).',
      );
    if (values.mode !== undefined && !(eventModes as readonly string[]).includes(values.mode))
      throw new UsageError(`--mode is one of ${eventModes.join(', ')}.`);
    let data: unknown;
    try {
      data = JSON.parse(await io.readFile(file));
    } catch (error) {
      io.err(`Could not read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const runtime = await io.runtime();
    const who = { actor: systemActor, source: 'import' } as const;
    const plan = planPtgbotImport(
      data,
      {
        slug: values.event,
        title: values.title,
        startsOn: values.start,
        timeZone: values.tz,
        mode: values.mode as EventMode | undefined,
        existingSlugs: (await runtime.store.listEvents()).map((event) => event.slug),
      },
      contextOf(runtime, who),
    );
    for (const line of plan.preview) io.out(line);
    for (const warning of plan.warnings) io.out(`Note: ${warning}`);
    if (!plan.event || plan.problems.length > 0) {
      for (const problem of plan.problems) io.err(problem);
      io.err('Nothing was written.');
      return 1;
    }
    if (values['dry-run']) {
      io.out('Dry run: nothing was written.');
      return 0;
    }
    const added = await addPreparedEvent(runtime, who, plan.event, plan.changes);
    if (!added.ok) {
      io.err(added.refusal.message);
      return 1;
    }
    io.out(`Imported ${added.value.slug} (${added.value.title}).`);
    return 0;
  },
};
