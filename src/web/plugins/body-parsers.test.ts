import { describe, expect, it } from 'vitest';
import { signedInClient } from '../../../test/support/people.ts';
import { useTestSite } from '../../../test/support/web.ts';

const site = useTestSite();
const board = '/api/v1/events/oct2022-ptg/board';

async function setNow(payload: string | Buffer) {
  const response = await site().app.inject({
    method: 'POST',
    url: '/api/v1/events/oct2022-ptg/teams/nova/now',
    headers: { authorization: `Bearer ${site().token}`, 'content-type': 'application/json' },
    payload,
  });
  return [response.statusCode, response.json().error];
}

describe('bodies that are not Unicode text', () => {
  it('refuses a JSON body that is not UTF-8, or a string with a lone surrogate, with invalid_input, and stores nothing', async () => {
    const before = (await site().app.inject({ url: board })).body;
    expect(await setNow(Buffer.from('{"text":"\xff\xfe"}', 'latin1'))).toEqual([
      400,
      { code: 'invalid_input', message: 'The request body is not valid UTF-8 text.' },
    ]);
    expect(await setNow('{"text":"a\\ud800"}')).toEqual([
      400,
      { code: 'invalid_input', message: '"text" is not valid Unicode text: it holds a lone surrogate.' },
    ]);
    expect((await site().app.inject({ url: board })).body).toBe(before);
    expect((await setNow('{"text":"Placement 日本 \\ud83d\\ude00"}'))[0]).toBe(200);
  });

  it('refuses a form body that is not UTF-8 with the form’s error page', async () => {
    const { client } = await signedInClient(site(), 'bytes@example.org');
    await client.get('/me');
    const cookie = client.cookieHeader() ?? '';
    const response = await site().app.inject({
      method: 'POST',
      url: '/me/profile',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
      payload: Buffer.concat([Buffer.from(`_csrf=${client.csrf}&name=`), Buffer.from([0xff, 0xfe])]),
    });
    expect([response.statusCode, response.headers['content-type']]).toEqual([
      400,
      'text/html; charset=utf-8',
    ]);
    expect(response.body).toContain('The request body is not valid UTF-8 text.');
  });
});
