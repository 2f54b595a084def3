import { describe, expect, it } from 'vitest';
import { demoPages, useTestSite } from '../../../test/support/web.ts';

const site = useTestSite();

describe('pageRoutes', () => {
  it.each(demoPages)('serves %s as a whole HTML document with no inline script or style', async (url) => {
    const response = await site().app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=/i);
    expect(response.body.match(/<main /g)).toHaveLength(1);
  });

  it.each([
    ['/events/nope/board', 'There is no event called “nope”.'],
    ['/events/oct2022-ptg/teams/nobody', 'There is no team “nobody” here.'],
    ['/events/oct2022-ptg/rooms/attic', 'There is no room “attic” here.'],
  ])('answers %s with an HTML 404 page that says what is missing', async (url, message) => {
    const response = await site().app.inject({ url });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain(message);
  });

  it('sends pages compressed to browsers that accept it', async () => {
    const response = await site().app.inject({
      url: '/events/oct2022-ptg/board',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toContain('accept-encoding');
  });
});

describe('links between pages and feeds', () => {
  it('links only to pages and feeds that answer', async () => {
    const seen = new Set<string>();
    for (const page of demoPages) {
      const html = (await site().app.inject({ url: page })).body;
      for (const match of html.matchAll(/href="(\/(?:events|assets)\/[^"#]*)/g))
        seen.add(match[1]!.replaceAll('&amp;', '&'));
    }
    const broken: string[] = [];
    for (const url of seen) {
      const response = await site().app.inject({ url });
      // Registration and team sign-up first send anonymous visitors to sign in.
      const toSignIn = response.statusCode === 303 || response.statusCode === 302;
      if (toSignIn && String(response.headers.location).startsWith('/signin')) continue;
      if (response.statusCode !== 200) broken.push(`${url} ${response.statusCode}`);
    }
    expect(seen).toContain('/events/oct2022-ptg/register');
    expect(broken).toEqual([]);
  });
});
