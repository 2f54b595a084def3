import { parseArgs } from 'node:util';
import { importEventDocument } from '../app/events.ts';
import { unknownEvent } from '../core/errors.ts';
import type { Command } from './command.ts';
import { UsageError } from './command.ts';

export const exportEvent: Command = {
  usage: 'convene export EVENT',
  summary: 'write the whole event, with its history, as JSON on standard output',
  async run(args, io) {
    const [ref, ...rest] = args;
    if (!ref || rest.length > 0) throw new UsageError('Give the event’s short name.');
    const runtime = await io.runtime();
    const eventId = await runtime.store.findEventId(ref);
    const document = eventId ? await runtime.store.exportEvent(eventId) : null;
    if (!document) {
      io.err(unknownEvent(ref).message);
      return 1;
    }
    io.out(JSON.stringify(document, null, 2));
    return 0;
  },
};

export const importEvent: Command = {
  usage: 'convene import FILE [--with-organisers]',
  summary:
    'read an event written by convene export into this database, checked record by record; all or nothing (--with-organisers: its users keep organiser rights)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { 'with-organisers': { type: 'boolean' } },
    });
    const [file, ...rest] = positionals;
    if (!file || rest.length > 0) throw new UsageError('Give the file written by convene export.');
    let document: unknown;
    try {
      document = JSON.parse(await io.readFile(file));
    } catch (error) {
      io.err(`Could not read ${file}: ${(error as Error).message}`);
      return 2;
    }
    const runtime = await io.runtime();
    const imported = await importEventDocument(runtime, document, {
      withOrganisers: values['with-organisers'] ?? false,
    });
    if (!imported.ok) {
      io.err(
        `${imported.refusal.message}${imported.refusal.code === 'invalid_input' ? '\nNothing was written.' : ''}`,
      );
      return imported.refusal.code === 'invalid_input' ? 2 : 1;
    }
    io.out(`Imported ${imported.value.slug} (${imported.value.title}).`);
    return 0;
  },
};
