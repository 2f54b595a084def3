import { describe, expect, it } from 'vitest';
import { textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import { startDraftEvent } from '../../../app/events.ts';
import { systemActor } from '../../../core/model/actor.ts';

const site = useTestSite();
const elsewhere = useTestSite();

describe('export and import of an event in the console', () => {
  it('downloads an event, previews the import of it under a new name, and imports it once confirmed', async () => {
    // An event of this installation only: the demo, the same everywhere, is already in the other one.
    const copied = await startDraftEvent(
      site().runtime,
      { actor: systemActor, source: 'cli' },
      { copyFrom: 'oct2022-ptg', slug: 'own-ptg', startsOn: '2022-10-17' },
    );
    expect(copied.ok).toBe(true);
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    const exported = await client.get('/events/own-ptg/organise/export.json');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="own-ptg.json"');
    const document = JSON.parse(exported.html);
    expect(document.format).toBe('convene-event');

    await client.get('/organise/import');
    const clash = await client.post('/organise/import/preview', { document: exported.html });
    expect(clash.status).toBe(409);

    const renamed = JSON.stringify({ ...document, event: { ...document.event, slug: 'copy-ptg' } });
    const again = await client.post('/organise/import', { document: renamed });
    expect(again.status).toBe(409);

    const { client: other } = await signedInClient(elsewhere(), 'chief@example.org', { organizer: true });
    await other.get('/organise/import');
    const preview = await other.post('/organise/import/preview', { document: renamed });
    expect(preview.status, textOf(preview.html).slice(0, 400)).toBe(200);
    expect(textOf(preview.html)).toMatch(/\(copy-ptg\), 2022-10-17 to 2022-10-21/);
    expect(await elsewhere().runtime.store.findEventId('copy-ptg')).toBe(null);
    const imported = await other.post('/organise/import', { document: renamed });
    expect([imported.status, imported.location], textOf(imported.html).slice(0, 600)).toEqual([
      303,
      '/events/copy-ptg/organise',
    ]);
    expect(await elsewhere().runtime.store.findEventId('copy-ptg')).not.toBe(null);
  });

  it('refuses what is not an export, and writes nothing', async () => {
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    await client.get('/organise/import');
    for (const document of ['', 'not json', '{"format":"other"}', 'x'.repeat(10_000)]) {
      const answer = await client.post('/organise/import/preview', { document });
      expect(answer.status).toBe(400);
      expect(textOf(answer.html)).toContain('There is a problem');
    }
    expect((await client.post('/organise/import', { document: '{}' })).status).toBe(400);
  });
});
