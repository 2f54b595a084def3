import { beforeAll, describe, expect, it } from 'vitest';
import { postCommandBox } from '../../../../test/support/command-box.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import { addUser, createApiToken } from '../../../app/people.ts';

const site = useTestSite();
let hidden: string;

/** A post of the team page's check-in button, as a browser on this site sends it. */
function checkIn(token: string, team: string) {
  return postCommandBox(
    site().app,
    { text: `in #${team}`, back: `/events/oct2022-ptg/teams/${team}` },
    { token },
  );
}

beforeAll(async () => {
  const { runtime } = site();
  const olive = await runtime.store.findUserByEmail('olive@example.org');
  await runtime.store.setListedInFindPeople(olive!.id, true);
  const added = await addUser(runtime, {
    email: 'quiet@example.org',
    name: 'Quinn Quiet',
    ircNick: 'QuinnQ',
  });
  if (!added.ok) throw new Error(added.refusal.message);
  hidden = (await createApiToken(runtime, added.value.id, 'tests')).token;
});

describe('the team page’s check-in button and the find people page', () => {
  it('offers signed-in visitors a check-in button on an official team’s page, and nobody else', async () => {
    const signedIn = await site().app.inject({
      url: '/events/oct2022-ptg/teams/nova',
      headers: { authorization: `Bearer ${site().token}` },
    });
    expect(signedIn.body).toContain('<input type="hidden" name="text" value="in #nova"/>');
    const anonymous = await site().app.inject({ url: '/events/oct2022-ptg/teams/nova' });
    expect(anonymous.body).not.toContain('name="text"');
  });

  it('lists people who agreed to be listed once they check in, for signed-in visitors only', async () => {
    const done = await checkIn(site().token, 'nova');
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Checked in with #nova');
    expect((await checkIn(hidden, 'cinder')).statusCode).toBe(200);
    const page = await site().app.inject({
      url: '/events/oct2022-ptg/people',
      headers: { authorization: `Bearer ${site().token}` },
    });
    expect(page.body).toContain('<th scope="row">Olive</th>');
    expect(page.body).toContain('<a href="/events/oct2022-ptg/teams/nova">#nova');
    expect(page.body).not.toContain('Quinn');
    const anonymous = await site().app.inject({ url: '/events/oct2022-ptg/people' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Sign in to find people.');
    expect(anonymous.body).not.toContain('Olive</th>');
  });
});
