import { describe, expect, it } from 'vitest';
import { FormClient, textOf } from '../../../../test/support/form-client.ts';
import { linkTo, useSiteWithMail } from '../../../../test/support/mail-catcher.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { findTeam } from '../../../core/model/lookup.ts';

const { site, mail } = useSiteWithMail({ signIn: 100, forms: 100 });
const E = '/events/oct2022-ptg';
const nova = `${E}/teams/nova/manage`;

async function novaTeam() {
  const state = await site().runtime.models.get('oct2022-ptg');
  const team = state ? findTeam(state, 'nova') : null;
  if (!team) throw new Error('no nova');
  return team;
}

describe('moderators of an approved team, on its manage page', () => {
  it('lets an organiser add a moderator by address, who is e-mailed a link that signs them in on the manage page', async () => {
    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    await organiser.get(nova);
    const added = await organiser.post(`${nova}/moderator-add`, { email: 'New.Mod@example.org' });
    expect([added.status, added.location]).toEqual([303, `${nova}?done=moderator-add`]);
    expect(textOf((await organiser.follow(added)).html)).toContain('new.mod@example.org');

    const invitation = await mail().waitFor('new.mod@example.org', (m) =>
      m.subject.startsWith('You moderate'),
    );
    const link = linkTo(invitation, '/signin/link');
    const newcomer = new FormClient(site().app);
    await newcomer.get(link);
    const signedIn = await newcomer.post('/signin/link', {
      token: new URL(link).searchParams.get('token') ?? '',
    });
    expect(signedIn.location).toBe(nova);
    const page = await newcomer.follow(signedIn);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Manage Nova');
  });

  it('refuses a bad address and adds nobody', async () => {
    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    await organiser.get(nova);
    const before = (await novaTeam()).moderators;
    for (const email of ['not an address', '<b>x</b>@example.org', `${'x'.repeat(10_000)}@example.org`]) {
      const answer = await organiser.post(`${nova}/moderator-add`, { email });
      expect(answer.status).toBe(400);
      expect(textOf(answer.html)).toContain('There is a problem');
    }
    expect((await novaTeam()).moderators).toEqual(before);
    expect(await site().runtime.store.findUserByEmail('not an address')).toBe(null);
  });

  it('removes a moderator, who is told, and says so for an address that does not moderate the team', async () => {
    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    await organiser.get(nova);
    await organiser.post(`${nova}/moderator-add`, { email: 'leaving@example.org' });
    const removed = await organiser.post(`${nova}/moderator-remove`, { email: 'leaving@example.org' });
    expect(removed.location).toBe(`${nova}?done=moderator-remove`);
    await mail().waitFor('leaving@example.org', (m) => m.subject.startsWith('You no longer moderate'));
    const leaving = await site().runtime.store.findUserByEmail('leaving@example.org');
    expect((await novaTeam()).moderators).not.toContain(leaving?.id);
    const unknown = await organiser.post(`${nova}/moderator-remove`, { email: 'nobody@example.org' });
    expect(unknown.status).toBe(404);
  });

  it('keeps naming moderators to organisers and the lead: another moderator sees the list but no form (forbidden)', async () => {
    const { client: moderator, user } = await signedInClient(site(), 'plain-mod@example.org');
    const { runtime } = site();
    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    await organiser.get(nova);
    await organiser.post(`${nova}/moderator-add`, { email: user.email });
    const page = await moderator.get(nova);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('moderator-add');
    const refused = await moderator.post(`${nova}/moderator-add`, { email: 'friend@example.org' });
    expect(refused.status).toBe(403);
    expect(await runtime.store.findUserByEmail('friend@example.org')).toBe(null);
    expect(page.html).not.toContain('/manage/team"');
  });

  it('lets organisers rename a team, change its kind and flag, and refuses HTML or an unknown kind', async () => {
    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    await organiser.get(nova);
    const saved = await organiser.post(`${nova}/team`, {
      name: 'Nova Compute',
      kind: 'sig',
      cross_project: 'yes',
    });
    expect(saved.location).toBe(`${nova}?done=team`);
    expect(await novaTeam()).toMatchObject({ name: 'Nova Compute', kind: 'sig', crossProject: true });
    for (const fields of [
      { name: '<script>x</script>', kind: 'project' },
      { name: 'Nova', kind: 'band' },
    ]) {
      const answer = await organiser.post(`${nova}/team`, fields);
      expect(answer.status).toBe(400);
    }
    expect(await novaTeam()).toMatchObject({ name: 'Nova Compute', kind: 'sig' });
    await organiser.post(`${nova}/team`, { name: 'Nova', kind: 'project' });
  });
});
