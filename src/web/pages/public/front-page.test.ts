import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();

describe('front page', () => {
  it('sends visitors of / on to the current event', async () => {
    const response = await site().app.inject({ url: '/' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/events/oct2022-ptg');
  });
});

describe('addresses that lead nowhere', () => {
  it('show browsers a page saying so, and give scripts the JSON error', async () => {
    const page = await site().app.inject({
      url: '/no/such/page',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('There is no page at this address.');
    const api = await site().app.inject({ url: '/api/v1/no/such/thing', headers: { accept: 'text/html' } });
    expect([api.statusCode, api.json().error.code]).toEqual([404, 'not_found']);
    const script = await site().app.inject({ url: '/no/such/page' });
    expect(script.json().error.code).toBe('not_found');
  });
});
