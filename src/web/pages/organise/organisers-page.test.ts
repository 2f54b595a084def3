import { describe, expect, it } from 'vitest';
import { textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();

describe('organisers add and remove organisers in the console', () => {
  it('makes a new address an organiser, who then reaches the console, and removes them again', async () => {
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    await client.get('/organise/organisers');
    const added = await client.post('/organise/organisers/add', { email: 'New.Org@Example.org' });
    expect([added.status, added.location]).toEqual([303, '/organise/organisers?done=add']);
    expect(textOf((await client.follow(added)).html)).toContain('new.org@example.org');

    const { client: newcomer } = await signedInClient(site(), 'new.org@example.org');
    expect((await newcomer.get('/organise')).status).toBe(200);

    const removed = await client.post('/organise/organisers/remove', { email: 'new.org@example.org' });
    expect(removed.location).toBe('/organise/organisers?done=remove');
    expect((await newcomer.get('/organise')).status).toBe(403);
  });

  it('refuses a bad address and stores nobody', async () => {
    const { client } = await signedInClient(site(), 'chief2@example.org', { organizer: true });
    await client.get('/organise/organisers');
    const before = (await site().runtime.store.people.organizers()).length;
    for (const email of ['not an address', '<b>@x', `${'x'.repeat(10_000)}@example.org`]) {
      const answer = await client.post('/organise/organisers/add', { email });
      expect(answer.status).toBe(400);
      expect(textOf(answer.html)).toContain('There is a problem');
    }
    expect((await site().runtime.store.people.organizers()).length).toBe(before);
  });

  it('never removes the last organiser (last_organizer)', async () => {
    const { runtime } = site();
    const { client, user } = await signedInClient(site(), 'last@example.org', { organizer: true });
    for (const other of await runtime.store.people.organizers())
      if (other.id !== user.id) await runtime.store.setOrganizer(other.id, false);
    await client.get('/organise/organisers');
    const answer = await client.post('/organise/organisers/remove', { email: 'last@example.org' });
    expect(answer.status).toBe(409);
    expect(textOf(answer.html)).toContain('at least one organiser');
    expect((await runtime.store.people.organizers()).map((u) => u.email)).toEqual(['last@example.org']);
  });
});
