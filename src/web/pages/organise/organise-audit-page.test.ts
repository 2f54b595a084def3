import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();
const A = '/events/oct2022-ptg/organise/audit';
const olive = { userId: null, name: 'Olive', isOrganizer: true };

beforeAll(async () => {
  for (let n = 0; n < 55; n++)
    await site().ops.setNow(
      'oct2022-ptg',
      { actor: olive, source: 'api' },
      { team: 'nova', text: `topic ${n}` },
    );
  for (let n = 0; n < 3; n++)
    await site().ops.setNow(
      'oct2022-ptg',
      { actor: olive, source: 'irc' },
      { team: 'cinder', text: `c ${n}` },
    );
});

describe('the audit view in the console', () => {
  it('lists changes newest first, 50 to a page, with times in the viewer’s zone and UTC', async () => {
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    const page = await client.get(`${A}?tz=Asia/Tokyo`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toMatch(/\d+ changes; page 1 of \d+\. Times in Asia\/Tokyo\./);
    expect(page.html.match(/<tr>/g)?.length).toBe(51);
    expect(text).toMatch(/\d\d:\d\d \(\d\d:\d\d UTC\)/);
    expect(page.html).toContain('Older changes');
  });

  it('filters by team, source and day, and keeps the filters on the next page', async () => {
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    const nova = textOf((await client.get(`${A}?team=nova&tz=UTC`)).html);
    const all = textOf((await client.get(`${A}?tz=UTC`)).html);
    const count = (text: string) => Number(/(\d+) changes;/.exec(text)?.[1]);
    expect(count(nova)).toBeGreaterThan(0);
    expect(count(nova)).toBeLessThan(count(all));
    expect(count(textOf((await client.get(`${A}?source=irc`)).html))).toBe(3);
    const api = await client.get(`${A}?source=api&tz=UTC`);
    expect(count(textOf(api.html))).toBe(55);
    const older = /href="([^"]*page=2[^"]*)"/.exec(api.html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(older).toContain('source=api');
    expect(count(textOf((await client.get(`${A}?day=2022-10-18&tz=UTC`)).html))).toBe(count(all));
    expect(count(textOf((await client.get(`${A}?day=2022-10-19&tz=UTC`)).html))).toBe(0);
  });

  it('answers a bad filter with a message, never a crash', async () => {
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    for (const query of [
      'team=ghost',
      'source=mars',
      'day=yesterday',
      `team=${'x'.repeat(10_000)}`,
      'page=-5',
    ]) {
      const answer = await client.get(`${A}?${query}`);
      expect(answer.status, query).toBeLessThan(500);
    }
    expect((await client.get(`${A}?day=yesterday`)).status).toBe(400);
    expect(textOf((await client.get(`${A}?team=ghost`)).html)).toContain('There is no team "ghost"');
  });
});
