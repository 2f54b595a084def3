import { describe, expect, it } from 'vitest';
import { FormClient, textOf } from '../../../test/support/form-client.ts';
import { useSiteWithMail } from '../../../test/support/mail-catcher.ts';

const { site, mail } = useSiteWithMail({ signIn: 100, forms: 100, mail: 3 });

const calm = 'so we are not sending another for now';

/** Mails that reached `to`, once the server has had a moment to take what was sent. */
async function mailsTo(to: string, expected: number) {
  if (expected > 0)
    await mail().waitFor(to, () => mail().messages.filter((m) => m.to.includes(to)).length >= expected);
  return mail().messages.filter((m) => m.to.includes(to)).length;
}

describe('e-mails per recipient (RATE_LIMIT_MAIL)', () => {
  it('sends one address at most its hourly share of sign-in links, whichever client addresses ask, and says so calmly', async () => {
    const answers: number[] = [];
    let last = '';
    for (let asked = 0; asked < 8; asked++) {
      const client = new FormClient(site().app);
      await client.get('/signin');
      const page = await client.post('/signin', { email: 'target@example.org', next: '/' });
      answers.push(page.status);
      last = textOf(page.html);
    }
    expect(answers).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    expect(last).toContain(calm);
    expect(await mailsTo('target@example.org', 3)).toBe(3);
  });

  it('sends one address at most its hourly share of newsletter confirmations', async () => {
    const client = new FormClient(site().app);
    const answers: number[] = [];
    for (let asked = 0; asked < 10; asked++) {
      await client.get('/newsletter');
      answers.push((await client.post('/newsletter', { email: 'reader@example.org' })).status);
    }
    expect(answers).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
    expect(await mailsTo('reader@example.org', 3)).toBe(3);
  });
});
