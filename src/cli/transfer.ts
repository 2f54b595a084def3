import { importEventDocument } from '../app/events.ts';
import { unknownEvent } from '../core/errors.ts';
import type { EventDocument } from '../store/event-document.ts';
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
  usage: 'convene import FILE',
  summary: 'read an event written by convene export into this database',
  async run(args, io) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) throw new UsageError('Give the file written by convene export.');
    let document: EventDocument;
    try {
      document = JSON.parse(await io.readFile(file));
    } catch (error) {
      io.err(`Could not read ${file}: ${(error as Error).message}`);
      return 1;
    }
    const runtime = await io.runtime();
    const imported = await importEventDocument(runtime, document);
    if (!imported.ok) {
      io.err(imported.refusal.message);
      return 1;
    }
    io.out(`Imported ${imported.value.slug} (${imported.value.title}).`);
    return 0;
  },
};
