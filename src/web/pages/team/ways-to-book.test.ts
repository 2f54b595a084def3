import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import { setModeratorByEmail } from '../../../app/people.ts';
import { systemActor } from '../../../core/model/actor.ts';

const E = '/events/oct2022-ptg';
const withoutBot = useTestSite();
const withBot = useTestSite(undefined, { deps: { chatBot: { channel: '#openinfra-ptg', event: null } } });
const elsewhereBot = useTestSite(undefined, {
  deps: { chatBot: { channel: '#other', event: 'another-ptg' } },
});

beforeAll(async () => {
  await signedInClient(withoutBot(), 'nia@example.org');
  const made = await setModeratorByEmail(
    withoutBot().runtime,
    { actor: systemActor, source: 'cli' },
    { event: 'oct2022-ptg', team: 'nova', email: 'nia@example.org', moderator: true },
  );
  if (!made.ok) throw new Error(made.refusal.message);
});

const scheduleText = async (site: typeof withoutBot) =>
  textOf((await site().app.inject({ url: `${E}/schedule` })).body);

describe('the ways to book, as the pages tell them', () => {
  it('the schedule tells the web way alone when no chat bot serves the event', async () => {
    const text = await scheduleText(withoutBot);
    expect(text).toContain('Team moderators book on their team’s manage page');
    expect(text).not.toContain('book and the cell’s reference');
    expect(text).not.toContain('#other');
    expect(textOf((await elsewhereBot().app.inject({ url: `${E}/schedule` })).body)).not.toContain('#other');
  });

  it('the schedule tells the web way first, then the command in the bot’s own channel', async () => {
    const text = await scheduleText(withBot);
    const web = text.indexOf('Team moderators book on their team’s manage page');
    const chat = text.indexOf('In #openinfra-ptg, they can also type #team book and the cell’s reference');
    expect(web).toBeGreaterThanOrEqual(0);
    expect(chat).toBeGreaterThan(web);
  });

  it('the team page leads its moderators and organisers to the manage page, and nobody else', async () => {
    const site = withoutBot();
    const link = `href="${E}/teams/nova/manage"`;
    const asPerson = async (email: string, organizer = false) =>
      (await (await signedInClient(site, email, { organizer })).client.get(`${E}/teams/nova`)).html;
    expect(await asPerson('nia@example.org')).toContain(link);
    expect(await asPerson('boss@example.org', true)).toContain(link);
    expect(await asPerson('someone@example.org')).not.toContain(link);
    expect((await site.app.inject({ url: `${E}/teams/nova` })).body).not.toContain(link);
  });

  it('/me lists the teams the person moderates, each with its manage page', async () => {
    const site = withoutBot();
    const moderator = await (await signedInClient(site, 'nia@example.org')).client.get('/me');
    expect(textOf(moderator.html)).toContain('Teams you moderate Manage nova (oct2022-ptg): book its time');
    expect(moderator.html).toContain(`href="${E}/teams/nova/manage"`);
    const other = await (await signedInClient(site, 'someone-else@example.org')).client.get('/me');
    expect(textOf(other.html)).not.toContain('Teams you moderate');
  });
});
